fn main() {
    pyprep::web::start();
}
