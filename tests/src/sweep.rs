//! The key-leak sweep: every regular file under a set of named places, and texts read from
//! the running app (DOM, notification history), searched for a secret in the encodings it
//! could be stored in — UTF-8 (JSON, logs, SQLite text), UTF-16LE (WebKit's local storage)
//! and UTF-16BE. The counts say how much was read, so that a sweep of nothing cannot pass.

use std::fs;
use std::path::{Path, PathBuf};

/// The encodings searched, by name.
pub const ENCODINGS: &[&str] = &["UTF-8", "UTF-16LE", "UTF-16BE"];

/// `needle` in each of [`ENCODINGS`].
fn encoded(needle: &str) -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("UTF-8", needle.as_bytes().to_vec()),
        (
            "UTF-16LE",
            needle.encode_utf16().flat_map(u16::to_le_bytes).collect(),
        ),
        (
            "UTF-16BE",
            needle.encode_utf16().flat_map(u16::to_be_bytes).collect(),
        ),
    ]
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}

/// One place searched: its label, root (a folder or a file) and what was read there.
#[derive(Debug, Default, Clone)]
pub struct Place {
    pub label: String,
    pub root: PathBuf,
    pub files: usize,
    pub bytes: u64,
    /// Whether the root existed.
    pub present: bool,
}

/// A file (or text) where the needle was found, and in which encoding.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub place: String,
    pub what: String,
    pub encoding: &'static str,
}

/// What a sweep read and found.
#[derive(Debug, Default)]
pub struct Sweep {
    pub places: Vec<Place>,
    /// Texts read from the app (label, length in bytes).
    pub texts: Vec<(String, usize)>,
    pub hits: Vec<Hit>,
    /// Every file read (to check that a given file was among them).
    pub swept: Vec<PathBuf>,
    needles: Vec<(&'static str, Vec<u8>)>,
}

impl Sweep {
    pub fn new(needle: &str) -> Sweep {
        Sweep {
            needles: encoded(needle),
            ..Sweep::default()
        }
    }

    fn check(&mut self, place: &str, what: String, bytes: &[u8]) {
        for (encoding, n) in &self.needles {
            if contains(bytes, n) {
                self.hits.push(Hit {
                    place: place.to_owned(),
                    what: what.clone(),
                    encoding,
                });
            }
        }
    }

    /// Every regular file under `root` (recursively; symlinks, sockets and FIFOs are not
    /// followed or read), except files for which `skip` is true.
    pub fn files(&mut self, label: &str, root: &Path, skip: impl Fn(&Path) -> bool) {
        let mut place = Place {
            label: label.to_owned(),
            root: root.to_path_buf(),
            present: root.exists(),
            ..Place::default()
        };
        let mut stack = vec![root.to_path_buf()];
        while let Some(p) = stack.pop() {
            let Ok(meta) = fs::symlink_metadata(&p) else {
                continue;
            };
            if meta.is_dir() {
                if let Ok(rd) = fs::read_dir(&p) {
                    stack.extend(rd.flatten().map(|e| e.path()));
                }
            } else if meta.is_file() && !skip(&p) {
                if let Ok(bytes) = fs::read(&p) {
                    place.files += 1;
                    place.bytes += bytes.len() as u64;
                    self.check(label, p.display().to_string(), &bytes);
                    self.swept.push(p);
                }
            }
        }
        self.places.push(place);
    }

    /// A text read from the running app (the DOM, the notification history).
    pub fn text(&mut self, label: &str, text: &str) {
        self.texts.push((label.to_owned(), text.len()));
        self.check(label, label.to_owned(), text.as_bytes());
    }

    pub fn total_files(&self) -> usize {
        self.places.iter().map(|p| p.files).sum()
    }

    pub fn total_bytes(&self) -> u64 {
        self.places.iter().map(|p| p.bytes).sum::<u64>()
            + self.texts.iter().map(|(_, n)| *n as u64).sum::<u64>()
    }

    /// One line per place and text: what was read.
    pub fn report(&self) -> String {
        let mut out = Vec::new();
        for p in &self.places {
            out.push(format!(
                "  {:<28} {:>5} files {:>10} bytes  {}{}",
                p.label,
                p.files,
                p.bytes,
                p.root.display(),
                if p.present { "" } else { " (absent)" }
            ));
        }
        for (label, n) in &self.texts {
            out.push(format!("  {label:<28}     1 text  {n:>10} bytes"));
        }
        out.push(format!(
            "  total: {} files and {} texts, {} bytes, each searched as {}",
            self.total_files(),
            self.texts.len(),
            self.total_bytes(),
            ENCODINGS.join(", ")
        ));
        out.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_needle_in_each_encoding_and_counts_what_it_read() {
        let dir = std::env::temp_dir().join(format!("barrack-e2e-sweep-{}", std::process::id()));
        fs::create_dir_all(dir.join("sub")).unwrap();
        let key = "sk-sweep-Key-42";
        fs::write(dir.join("clean.json"), b"{\"k\":\"nothing\"}").unwrap();
        fs::write(dir.join("sub/utf8.log"), format!("x {key} y")).unwrap();
        let le: Vec<u8> = key.encode_utf16().flat_map(u16::to_le_bytes).collect();
        fs::write(dir.join("sub/le.db"), le).unwrap();
        let be: Vec<u8> = key.encode_utf16().flat_map(u16::to_be_bytes).collect();
        fs::write(dir.join("sub/be.bin"), be).unwrap();
        fs::write(dir.join("skipped.keyring"), key).unwrap();

        let mut s = Sweep::new(key);
        s.files("dir", &dir, |p| {
            p.extension().is_some_and(|e| e == "keyring")
        });
        s.files("absent", &dir.join("nope"), |_| false);
        s.text("dom", &format!("<p>{key}</p>"));
        s.text("clean", "<p>…</p>");
        let mut found: Vec<(String, &str)> = s
            .hits
            .iter()
            .map(|h| {
                let name = Path::new(&h.what)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                (name, h.encoding)
            })
            .collect();
        found.sort();
        assert_eq!(
            found,
            vec![
                ("be.bin".to_owned(), "UTF-16BE"),
                ("dom".to_owned(), "UTF-8"),
                ("le.db".to_owned(), "UTF-16LE"),
                ("utf8.log".to_owned(), "UTF-8"),
            ]
        );
        assert_eq!(s.total_files(), 4);
        assert!(s.places[0].present && !s.places[1].present);
        assert!(s.total_bytes() > 40);
        assert!(s.report().contains("UTF-16BE"));
        fs::remove_dir_all(&dir).unwrap();
    }
}
