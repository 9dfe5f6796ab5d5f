//! The first JavaScript chunk: the module script `ui/dist/index.html` loads, its size raw and
//! gzipped at level 9 (flate2's best, what `gzip -9` does).

use super::table::Chunk;
use anyhow::{anyhow, Context, Result};
use flate2::write::GzEncoder;
use flate2::Compression;
use std::io::Write as _;
use std::path::Path;

/// The `src` of the first `<script type="module" … src="…">` of an index.html.
pub fn entry_script(index_html: &str) -> Option<&str> {
    index_html.split("<script").skip(1).find_map(|tag| {
        let tag = &tag[..tag.find('>')?];
        if !tag.contains("type=\"module\"") {
            return None;
        }
        let src = &tag[tag.find("src=\"")? + 5..];
        Some(&src[..src.find('"')?])
    })
}

/// Bytes of `data` gzipped at level 9.
pub fn gzipped_len(data: &[u8]) -> Result<u64> {
    let mut enc = GzEncoder::new(Vec::new(), Compression::best());
    enc.write_all(data)?;
    Ok(enc.finish()?.len() as u64)
}

/// The entry chunk of the UI built into `dist` (a copy of ui/dist).
pub fn first_chunk(dist: &Path) -> Result<Chunk> {
    let index = dist.join("index.html");
    let html =
        std::fs::read_to_string(&index).with_context(|| format!("read {}", index.display()))?;
    let src =
        entry_script(&html).ok_or_else(|| anyhow!("{} loads no module script", index.display()))?;
    let file = dist.join(src.trim_start_matches('/'));
    let data = std::fs::read(&file).with_context(|| format!("read {}", file.display()))?;
    Ok(Chunk {
        name: src.trim_start_matches('/').to_owned(),
        raw: data.len() as u64,
        gzipped: gzipped_len(&data)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_module_script_is_the_entry() {
        let html = r#"<head><script>var x = 1</script>
            <link rel="modulepreload" href="/assets/vendor.js">
            <script type="module" crossorigin src="/assets/index-CSSIXOaY.js"></script></head>"#;
        assert_eq!(entry_script(html), Some("/assets/index-CSSIXOaY.js"));
        assert_eq!(entry_script("<p>no script</p>"), None);
    }

    #[test]
    fn gzip_shrinks_repetition() {
        let data = vec![b'a'; 100_000];
        let n = gzipped_len(&data).unwrap();
        assert!(n > 0 && n < 1_000, "{n}");
    }
}
