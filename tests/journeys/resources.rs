//! Journey group `resources`: one journey per resource page (issue 15) — each against its own
//! barrack-sim, signed in through the sign-in screen, driven by clicks and typing, compared with
//! the emulator's API and admin counts, with screenshots in light and dark.
//!
//! Run with `scripts/e2e resources`, or one page's with `scripts/e2e resources:firewalls`
//! (the filter matches the test path, which starts with the page's module).

#[path = "resources/ai_chat.rs"]
mod ai_chat;
#[path = "resources/firewalls.rs"]
mod firewalls;
#[path = "resources/scripts.rs"]
mod scripts;
#[path = "resources/ssh_keys.rs"]
mod ssh_keys;
#[path = "resources/volumes.rs"]
mod volumes;
