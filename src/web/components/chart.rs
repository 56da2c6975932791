//! Reviews per day and the average grade over the last 30 days, as inline SVG (no chart
//! library), with the same numbers as a table.

use crate::stats::{day_label, Day};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub days: Vec<Day>,
    pub total: u32,
    /// The time zone offset the days were cut with (minutes behind UTC).
    pub offset: f64,
}

const W: f64 = 600.0;
const H: f64 = 160.0;
const TOP: f64 = 14.0;
const BOTTOM: f64 = 4.0;

#[component]
pub fn ActivityChart(props: &ChartProps) -> Html {
    let n = props.days.len().max(1) as f64;
    let most = props
        .days
        .iter()
        .map(|d| d.reviews)
        .max()
        .unwrap_or(0)
        .max(1) as f64;
    let slot = W / n;
    let plot = H - TOP - BOTTOM;
    let label = |d: &Day| day_label(d.start, props.offset);
    let bars = props.days.iter().enumerate().map(|(i, d)| {
        let h = f64::from(d.reviews) / most * plot;
        let average = d.average.map_or(String::new(), |a| format!(", average grade {a:.1}"));
        html! {
            <rect class="chart-bar" x={format!("{:.1}", i as f64 * slot + 2.0)} y={format!("{:.1}", TOP + plot - h)}
                width={format!("{:.1}", slot - 4.0)} height={format!("{h:.1}")}>
                <title>{ format!("{}: {} {}{average}", label(d), d.reviews,
                    if d.reviews == 1 { "review" } else { "reviews" }) }</title>
            </rect>
        }
    });
    // The average grade (1–4) as dots on its own scale, so a day of few but good reviews shows.
    let dots = props.days.iter().enumerate().filter_map(|(i, d)| {
        let a = f64::from(d.average?);
        let y = TOP + plot - (a - 1.0) / 3.0 * plot;
        Some(html! {
            <circle class="chart-dot" cx={format!("{:.1}", (i as f64 + 0.5) * slot)} cy={format!("{y:.1}")} r="3.5" />
        })
    });
    let (first, last) = (props.days.first(), props.days.last());
    let summary = format!(
        "{} {} in the last {} days; bars count reviews per day (most {}), dots show the day's average grade from 1 (Missed it) to 4 (Nailed it).",
        props.total,
        if props.total == 1 { "review" } else { "reviews" },
        props.days.len(),
        most as u32
    );
    html! {
        <section class="card activity" aria-labelledby="activity-h">
            <h2 id="activity-h">{"Last 30 days"}</h2>
            <svg class="chart" viewBox={format!("0 0 {W} {H}")} role="img" aria-labelledby="chart-title chart-desc">
                <title id="chart-title">{"Reviews per day and average grade, last 30 days"}</title>
                <desc id="chart-desc">{ summary.clone() }</desc>
                <line class="axis" x1="0" x2={W.to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
                { for bars }
                { for dots }
            </svg>
            // The labels are page text, not SVG text: the drawing scales to the screen, and on a
            // phone its text shrank to ~7 px.
            if let (Some(f), Some(l)) = (first, last) {
                <p class="chart-axis" aria-hidden="true"><span>{ label(f) }</span><span>{ label(l) }</span></p>
            }
            <p class="hint legend">
                <span class="legend-item"><span class="swatch bar-swatch" aria-hidden="true"></span>{"reviews per day"}</span>
                <span class="legend-item"><span class="swatch dot-swatch" aria-hidden="true"></span>{"average grade, 1 (bottom) to 4 (top)"}</span>
            </p>
            <details class="chart-table">
                <summary>{"Show the numbers"}</summary>
                <table class="stats">
                    <caption class="visually-hidden">{ summary }</caption>
                    <thead><tr>
                        <th scope="col">{"Day"}</th><th scope="col">{"Reviews"}</th><th scope="col">{"Average grade"}</th>
                    </tr></thead>
                    <tbody>
                        { for props.days.iter().rev().map(|d| html! {
                            <tr>
                                <th scope="row">{ label(d) }</th>
                                <td>{ d.reviews }</td>
                                <td>{ d.average.map_or("—".to_owned(), |a| format!("{a:.1}")) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}
