//! When deferred work runs: saving (at once after a pick, debounced while typing), the
//! results chart and the advice, right after the event that asked for them or on the 400 ms
//! tick.

use wasm_bindgen::JsCast;

use super::Inner;

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
        if self.soon_pending.is_some() {
            return;
        }
        let (Some(win), Some(f)) = (web_sys::window(), self.soon.as_ref()) else {
            self.flush_deferred(false);
            return;
        };
        match win
            .set_timeout_with_callback_and_timeout_and_arguments_0(f.as_ref().unchecked_ref(), 0)
        {
            Ok(id) => self.soon_pending = Some(id),
            Err(_) => self.flush_deferred(false),
        }
    }

    /// Redraws the results, saves, and redraws the advice if due. Advice on a very large set
    /// (two what-ifs per indicator) waits for the 400 ms tick, so quick answers share one.
    pub(crate) fn flush_deferred(&mut self, from_tick: bool) {
        self.soon_pending = None;
        if from_tick && self.status_fresh.replace(false) {
            if let Some((_, text)) = self.later.take().filter(|(l, _)| *l == self.lang) {
                self.announce(&text);
            }
        }
        if self.results_due {
            self.results_due = false;
            self.render_results();
        }
        self.save_now();
        if self.advice_due && (from_tick || self.scorer.indicator_count() <= 500) {
            self.advice_due = false;
            self.render_advice();
        }
    }

    /// Advice costs two what-ifs per indicator: immediate for ordinary sets, debounced to the
    /// next tick for very large ones.
    pub(crate) fn schedule_advice(&mut self) {
        self.advice_due = true;
        if self.scorer.indicator_count() <= 500 {
            self.defer();
        }
    }
}
