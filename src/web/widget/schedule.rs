//! When deferred work runs: saving (at once after a pick, debounced while typing), the
//! results chart and the advice, right after the event that asked for them or on the 400 ms
//! tick.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::Inner;

/// Deferred work: what is due, and the timers that run it (all cleared by `destroy()`).
#[derive(Default)]
pub(crate) struct Schedule {
    /// The 400 ms tick (debounced saves, advice on very large sets).
    pub timers: Vec<(i32, Closure<dyn FnMut()>)>,
    /// Runs deferred work (saving, advice) right after the event that asked for it, so the
    /// score on screen updates first; `soon_pending` is its timeout while one is queued.
    pub soon: Option<Closure<dyn FnMut()>>,
    pub soon_pending: Option<i32>,
    /// The advice and the results chart are to be redrawn.
    pub advice_due: bool,
    pub results_due: bool,
}

impl Inner {
    pub(crate) fn schedule_save(&mut self, debounce: bool) {
        self.saving.changed();
        self.show_unsaved();
        if !debounce {
            self.defer();
        }
        // Debounced saves are flushed by the timer set up in `listen` (every 400 ms) and on
        // pagehide/visibilitychange, so typing does not serialise on every key.
    }

    /// Queues `flush_deferred` to run as soon as the current event is done.
    pub(crate) fn defer(&mut self) {
        if self.schedule.soon_pending.is_some() {
            return;
        }
        let (Some(win), Some(f)) = (web_sys::window(), self.schedule.soon.as_ref()) else {
            self.flush_deferred(false);
            return;
        };
        match win
            .set_timeout_with_callback_and_timeout_and_arguments_0(f.as_ref().unchecked_ref(), 0)
        {
            Ok(id) => self.schedule.soon_pending = Some(id),
            Err(_) => self.flush_deferred(false),
        }
    }

    /// Redraws the results, saves, and redraws the advice if due. Advice on a very large set
    /// (two what-ifs per indicator) waits for the 400 ms tick, so quick answers share one.
    pub(crate) fn flush_deferred(&mut self, from_tick: bool) {
        self.schedule.soon_pending = None;
        if from_tick && self.speech.fresh.replace(false) {
            if let Some((_, text)) = self.speech.later.take().filter(|(l, _)| *l == self.lang) {
                self.announce(&text);
            }
        }
        if self.schedule.results_due {
            self.schedule.results_due = false;
            self.render_results();
        }
        self.save_now();
        if self.schedule.advice_due && (from_tick || self.scorer.indicator_count() <= 500) {
            self.schedule.advice_due = false;
            self.render_advice();
        }
    }

    /// Advice costs two what-ifs per indicator: immediate for ordinary sets, debounced to the
    /// next tick for very large ones.
    pub(crate) fn schedule_advice(&mut self) {
        self.schedule.advice_due = true;
        if self.scorer.indicator_count() <= 500 {
            self.defer();
        }
    }
}
