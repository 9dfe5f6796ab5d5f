//! The optional state file: the whole world as JSON, written atomically (a temporary file
//! in the same folder, flushed, then renamed over the old one).

use crate::clock::{SavedClock, SimClock};
use crate::world::Account;
use crate::World;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

#[derive(Serialize, Deserialize)]
pub struct Saved {
    pub version: u32,
    pub clock: SavedClock,
    pub default_key: String,
    pub seq: u64,
    pub accounts: BTreeMap<String, Account>,
}

pub fn snapshot(w: &World) -> Saved {
    Saved {
        version: 1,
        clock: w.clock.save(),
        default_key: w.default_key.clone(),
        seq: w.seq,
        accounts: w.accounts.clone(),
    }
}

pub fn restore(s: Saved) -> World {
    World {
        accounts: s.accounts,
        clock: SimClock::restore(&s.clock),
        default_key: s.default_key,
        seq: s.seq,
    }
}

pub fn write_atomically(path: &Path, saved: &Saved) -> std::io::Result<()> {
    let bytes = serde_json::to_vec(saved).map_err(std::io::Error::other)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let tmp = dir.join(format!(
        ".{}.tmp",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("barrack-sim-state")
    ));
    {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(&bytes)?;
        f.sync_all()?;
    }
    std::fs::rename(&tmp, path)
}

pub fn load(path: &Path) -> std::io::Result<Saved> {
    let bytes = std::fs::read(path)?;
    serde_json::from_slice(&bytes).map_err(|e| {
        std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {e}", path.display()),
        )
    })
}
