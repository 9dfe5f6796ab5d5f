//! The emulator's clock: real time, sped up by `time_scale`, plus whatever the admin
//! endpoint has advanced it by. Tests speed it up instead of sleeping.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::time::Instant;

#[derive(Debug, Clone)]
pub struct SimClock {
    origin_real: Instant,
    origin_sim: DateTime<Utc>,
    scale: f64,
}

/// What is saved of the clock: the simulated time at saving, and the scale.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SavedClock {
    pub now: DateTime<Utc>,
    pub scale: f64,
}

impl SimClock {
    pub fn new(scale: f64) -> Self {
        SimClock {
            origin_real: Instant::now(),
            origin_sim: Utc::now(),
            scale: sane_scale(scale),
        }
    }

    pub fn restore(saved: &SavedClock) -> Self {
        SimClock {
            origin_real: Instant::now(),
            origin_sim: saved.now,
            scale: sane_scale(saved.scale),
        }
    }

    pub fn save(&self) -> SavedClock {
        SavedClock {
            now: self.now(),
            scale: self.scale,
        }
    }

    pub fn now(&self) -> DateTime<Utc> {
        let real = self.origin_real.elapsed().as_secs_f64() * self.scale;
        self.origin_sim + Duration::milliseconds((real * 1000.0) as i64)
    }

    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// Changes the speed from now on.
    pub fn set_scale(&mut self, scale: f64) {
        let now = self.now();
        self.origin_real = Instant::now();
        self.origin_sim = now;
        self.scale = sane_scale(scale);
    }

    /// Jumps forward (never back: billing records must not run backwards).
    pub fn advance(&mut self, minutes: f64) {
        if minutes.is_finite() && minutes > 0.0 {
            self.origin_sim += Duration::milliseconds((minutes * 60_000.0) as i64);
        }
    }

    /// Real time until the simulated clock has moved by `sim_minutes`.
    /// A paused clock (scale 0) never gets there: an hour, to be looked at again.
    pub fn real_duration(&self, sim_minutes: f64) -> std::time::Duration {
        if self.scale <= 0.0 {
            return std::time::Duration::from_secs(3600);
        }
        std::time::Duration::from_secs_f64((sim_minutes * 60.0 / self.scale).max(0.0))
    }
}

/// 0 pauses the clock (tests compare figures with records that must not move); negative or
/// not a number means real time.
fn sane_scale(scale: f64) -> f64 {
    if scale == 0.0 {
        0.0
    } else if scale.is_finite() && scale > 0.0 {
        scale.min(1_000_000.0)
    } else {
        1.0
    }
}
