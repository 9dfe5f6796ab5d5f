//! A file for a private SSH key: readable and writable by its owner only (0600 on Unix),
//! set when the file is created so the key is never readable by others, even briefly.
//! The CLI never replaces a file; the desktop app replaces one the user confirmed in the
//! native save dialog, narrowing its mode too.

use std::fs::File;
use std::path::Path;

pub fn open_owner_only(path: &Path, replace: bool) -> std::io::Result<File> {
    let mut o = std::fs::OpenOptions::new();
    o.write(true);
    if replace {
        o.create(true).truncate(true);
    } else {
        o.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    let f = o.open(path)?;
    #[cfg(unix)]
    if replace {
        // An existing file keeps its mode on open: narrow it.
        use std::os::unix::fs::PermissionsExt;
        f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(f)
}
