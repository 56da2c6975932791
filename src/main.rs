//! `pyprep`: the first load. It shows the first question as fast as it can, then hands the page
//! over to the app module (`pyprep-app`). See `pyprep::web::first`.

fn main() {
    pyprep::web::first::start();
}
