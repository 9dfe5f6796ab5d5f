//! The README's table of documented and inferred endpoints is the endpoint table itself.
//! Regenerate with: `cargo run -p barrack-api --example endpoint_table`.

#[test]
fn readme_endpoint_table_is_current() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md"))
        .expect("README.md");
    let start = "<!-- endpoints:start -->\n";
    let end = "<!-- endpoints:end -->";
    let from = readme.find(start).expect("start marker") + start.len();
    let to = readme.find(end).expect("end marker");
    assert_eq!(
        &readme[from..to],
        barrack_api::endpoints::markdown_table(),
        "README endpoint table is stale: run `cargo run -p barrack-api --example endpoint_table` and paste"
    );
}
