//! What the bench reads of this machine through /proc: when a process started, the memory
//! of a process and everything under it, and a one-line description of the machine.

use super::table::Memory;

/// USER_HZ (`getconf CLK_TCK`; 100 on Linux everywhere that matters).
fn clock_ticks() -> f64 {
    std::process::Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok())
        .and_then(|s| s.trim().parse().ok())
        .unwrap_or(100.0)
}

/// Seconds since boot (the clock /proc start times use).
pub fn uptime() -> f64 {
    std::fs::read_to_string("/proc/uptime")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0.0)
}

/// The fields of /proc/<pid>/stat after the command name (field 3 onwards).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let after = stat.get(stat.rfind(')')? + 2..)?;
    Some(after.split_whitespace().map(str::to_owned).collect())
}

/// Seconds since boot when the process started.
pub fn process_start(pid: u32) -> Option<f64> {
    let start: f64 = stat_fields(pid)?.get(19)?.parse().ok()?;
    Some(start / clock_ticks())
}

fn parent_of(pid: u32) -> Option<u32> {
    stat_fields(pid)?.get(1)?.parse().ok()
}

/// The process and all its descendants.
pub fn tree(root: u32) -> Vec<u32> {
    let all: Vec<(u32, Option<u32>)> = std::fs::read_dir("/proc")
        .map(|d| {
            d.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .map(|p| (p, parent_of(p)))
                .collect()
        })
        .unwrap_or_default();
    let mut out = vec![root];
    let mut i = 0;
    while i < out.len() {
        let p = out[i];
        for (c, parent) in &all {
            if *parent == Some(p) && !out.contains(c) {
                out.push(*c);
            }
        }
        i += 1;
    }
    out
}

/// The number after `key` in a /proc file of `key: N kB` lines.
fn kib(path: String, key: &str) -> u64 {
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// RSS, PSS and USS of `root` and every process under it, and their names.
pub fn memory(root: u32) -> (Memory, Vec<String>) {
    let pids = tree(root);
    let names = pids
        .iter()
        .map(|p| {
            std::fs::read_to_string(format!("/proc/{p}/comm"))
                .unwrap_or_default()
                .trim()
                .to_owned()
        })
        .collect();
    let rss: u64 = pids
        .iter()
        .map(|p| kib(format!("/proc/{p}/status"), "VmRSS:"))
        .sum();
    let pss: u64 = pids
        .iter()
        .map(|p| kib(format!("/proc/{p}/smaps_rollup"), "Pss:"))
        .sum();
    let uss: u64 = pids
        .iter()
        .map(|p| {
            let rollup = format!("/proc/{p}/smaps_rollup");
            kib(rollup.clone(), "Private_Clean:") + kib(rollup, "Private_Dirty:")
        })
        .sum();
    (
        Memory {
            rss_mib: rss as f64 / 1024.0,
            pss_mib: pss as f64 / 1024.0,
            uss_mib: uss as f64 / 1024.0,
        },
        names,
    )
}

/// "<CPU model>, N cores, M GiB, <kernel>".
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU".to_owned(), |(_, m)| m.trim().to_owned());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let mem_gib = kib("/proc/meminfo".to_owned(), "MemTotal:") as f64 / 1_048_576.0;
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{model}, {cores} cores, {mem_gib:.0} GiB, Linux {}",
        kernel.trim()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_process_started_before_now_and_has_memory() {
        let me = std::process::id();
        let started = process_start(me).expect("a start time");
        assert!(started <= uptime() + 0.01);
        let (m, names) = memory(me);
        assert!(m.rss_mib > 0.0);
        assert!(!names.is_empty());
        assert_eq!(tree(me)[0], me);
    }
}
