//! Where the window may be: tauri-plugin-window-state restores its size (inner, as saved,
//! so it does not grow by the title bar at each start) and its position. The plugin skips a
//! saved position none of whose corners is on a monitor, but a window can still end up off
//! every screen (a monitor unplugged after the start, the window manager's placement, a
//! huge saved size): after the restore, a window that overlaps no monitor is centred on the
//! first one. Tauri-free; physical pixels.

/// A rectangle in physical pixels of the virtual desktop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub width: u32,
    pub height: u32,
}

impl Rect {
    fn right(&self) -> i64 {
        self.x as i64 + self.width as i64
    }
    fn bottom(&self) -> i64 {
        self.y as i64 + self.height as i64
    }

    /// The area both cover, in square pixels.
    pub fn overlap(&self, other: &Rect) -> u64 {
        let w = self.right().min(other.right()) - (self.x as i64).max(other.x as i64);
        let h = self.bottom().min(other.bottom()) - (self.y as i64).max(other.y as i64);
        if w <= 0 || h <= 0 {
            0
        } else {
            w as u64 * h as u64
        }
    }
}

/// The least of the window that must be on a monitor to be reachable: a strip of its top
/// (the title bar) this tall and wide.
const GRAB: u32 = 40;

/// Where to move the window, if it cannot be reached where it is: `Some(top-left)` centring
/// it on the first monitor; `None` when enough of its top is on some monitor, or when there
/// is no monitor to speak of.
pub fn bring_back(window: Rect, monitors: &[Rect]) -> Option<(i32, i32)> {
    let first = monitors.first()?;
    // A window not mapped yet reports a size of 0: judge it by a grab-sized corner.
    let top = Rect {
        width: window.width.max(GRAB),
        height: GRAB,
        ..window
    };
    let needed = GRAB as u64 * GRAB as u64;
    if monitors.iter().any(|m| top.overlap(m) >= needed) {
        return None;
    }
    let centre = |origin: i32, outer: u32, inner: u32| {
        let free = outer as i64 - inner as i64;
        (origin as i64 + free.max(0) / 2).clamp(i32::MIN as i64, i32::MAX as i64) as i32
    };
    Some((
        centre(first.x, first.width, window.width),
        centre(first.y, first.height, window.height),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SCREEN: Rect = Rect {
        x: 0,
        y: 0,
        width: 1920,
        height: 1080,
    };

    fn win(x: i32, y: i32) -> Rect {
        Rect {
            x,
            y,
            width: 1280,
            height: 800,
        }
    }

    #[test]
    fn a_window_on_a_monitor_stays_where_it_is() {
        assert_eq!(bring_back(win(100, 100), &[SCREEN]), None);
        // Partly off the right edge, its title bar still reachable.
        assert_eq!(bring_back(win(1800, 500), &[SCREEN]), None);
        // On the second monitor, left of the first.
        let left = Rect { x: -1920, ..SCREEN };
        assert_eq!(bring_back(win(-1500, 100), &[SCREEN, left]), None);
    }

    #[test]
    fn a_window_off_every_monitor_is_centred_on_the_first() {
        // A monitor that was unplugged: the saved position is far to the left.
        assert_eq!(bring_back(win(-3000, 200), &[SCREEN]), Some((320, 140)));
        assert_eq!(bring_back(win(5000, 5000), &[SCREEN]), Some((320, 140)));
        // Only its body on screen, its title bar above the top: not reachable.
        assert_eq!(bring_back(win(100, -790), &[SCREEN]), Some((320, 140)));
        // Extreme values do not overflow.
        assert_eq!(
            bring_back(
                Rect {
                    x: i32::MAX,
                    y: i32::MIN,
                    width: u32::MAX,
                    height: u32::MAX
                },
                &[SCREEN]
            ),
            Some((0, 0))
        );
    }

    #[test]
    fn a_window_not_mapped_yet_is_judged_by_its_corner() {
        let unmapped = |x, y| Rect {
            x,
            y,
            width: 0,
            height: 0,
        };
        assert_eq!(bring_back(unmapped(0, 0), &[SCREEN]), None);
        assert_eq!(bring_back(unmapped(-500, 0), &[SCREEN]), Some((960, 540)));
    }

    #[test]
    fn no_monitor_known_means_no_move() {
        assert_eq!(bring_back(win(-3000, 200), &[]), None);
    }
}
