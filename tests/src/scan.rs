//! Looking for a secret on disk: the journeys check that the key never lands in the app's
//! files or WebKit's storage, in either of the encodings those use.

use std::fs;
use std::path::PathBuf;

/// Every file under `roots` (recursively, symlinks not followed) that contains `needle` as
/// UTF-8 or as UTF-16LE (WebKit's local storage); also returns how many files were read.
pub fn files_containing(roots: &[PathBuf], needle: &str) -> (Vec<PathBuf>, usize) {
    let utf8 = needle.as_bytes().to_vec();
    let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let mut hits = Vec::new();
    let mut scanned = 0;
    let mut stack: Vec<PathBuf> = roots.to_vec();
    while let Some(p) = stack.pop() {
        let Ok(meta) = fs::symlink_metadata(&p) else {
            continue;
        };
        if meta.is_dir() {
            if let Ok(rd) = fs::read_dir(&p) {
                stack.extend(rd.flatten().map(|e| e.path()));
            }
        } else if meta.is_file() {
            if let Ok(bytes) = fs::read(&p) {
                scanned += 1;
                let has = |n: &[u8]| !n.is_empty() && bytes.windows(n.len()).any(|w| w == n);
                if has(&utf8) || has(&utf16) {
                    hits.push(p);
                }
            }
        }
    }
    (hits, scanned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_needle_in_utf8_and_utf16() {
        let dir = std::env::temp_dir().join(format!("barrack-e2e-scan-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        fs::write(dir.join("a.json"), b"{\"k\":\"nothing\"}").unwrap();
        fs::write(dir.join("sub/b.txt"), b"xx sk-secret-1 yy").unwrap();
        let utf16: Vec<u8> = "sk-secret-2"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        fs::write(dir.join("sub/c.db"), utf16).unwrap();
        let (hits, n) = files_containing(std::slice::from_ref(&dir), "sk-secret-1");
        assert_eq!((hits.len(), n), (1, 3));
        assert!(hits[0].ends_with("sub/b.txt"));
        let (hits, _) = files_containing(std::slice::from_ref(&dir), "sk-secret-2");
        assert!(hits[0].ends_with("sub/c.db"));
        let (hits, _) = files_containing(std::slice::from_ref(&dir), "absent");
        assert!(hits.is_empty());
        fs::remove_dir_all(&dir).unwrap();
    }
}
