//! The median time of a warm listing of a library folder, for comparing two
//! versions of the library on the same machine, run after run:
//!
//! ```sh
//! cargo run --release -p release-drafts --example list_median -- DIR
//! ```
//!
//! Opens the library and lists it six times; the first listing (which may
//! build the index) is left out, and the median of the others is printed in
//! milliseconds.

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: list_median DIR");
        std::process::exit(2);
    };
    let mut times = Vec::new();
    for _ in 0..6 {
        let t = std::time::Instant::now();
        let library = match release_drafts::Library::open(&dir) {
            Ok(library) => library,
            Err(e) => {
                eprintln!("list_median: {e}");
                std::process::exit(2);
            }
        };
        let listed = library.list().map(|entries| entries.len());
        if let Err(e) = listed {
            eprintln!("list_median: {e}");
            std::process::exit(2);
        }
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let mut warm = times[1..].to_vec();
    warm.sort_by(f64::total_cmp);
    println!("{:.1}", warm[warm.len() / 2]);
}
