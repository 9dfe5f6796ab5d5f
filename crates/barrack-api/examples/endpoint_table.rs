//! Prints the endpoint table as Markdown (pasted into the README between its markers).
fn main() {
    print!("{}", barrack_api::endpoints::markdown_table());
}
