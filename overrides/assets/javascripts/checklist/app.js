/* The checklist page, wired from its components: nothing here runs on import; the entry module calls init().
 *
 * The engine (Python, in worker.js, through engine.js) decides everything: steps, dates, warnings, which error
 * for which field. The page collects answers (form.js), keeps them in guarded storage (storage.js,
 * saved-state.js), paints the plan (plan-view.js, links.js) and shares links (share.js). Only a field error the
 * reader cannot fix, or an unreadable store, sets the answers aside; any other error is a fault and they stay.
 */

import { clock, download, element, wordsFrom, yieldToMain } from "./dom.js";
import { Engine, EngineError } from "./engine.js";
import { ForgetButton } from "./forget.js";
import { QuestionsForm } from "./form.js";
import { Links } from "./links.js";
import { Messages, button } from "./messages.js";
import { Offline } from "./offline.js";
import { PlanView } from "./plan-view.js";
import { SavedChecklist, STORAGE_KEY, emptyState, isPlan } from "./saved-state.js";
import { StartProgress } from "./start-progress.js";
import { planChanges } from "./announce.js";
import { answersFromFragment, fragmentFor, syncAddress } from "./share.js";
import { AnswersSummary } from "./summary.js";
import { Store } from "./storage.js";
import { setUpTeam } from "./team/team.js";
import { Toolbar } from "./toolbar.js";

export class ChecklistApp {
  constructor(root) {
    this.root = root;
    this.language = root.dataset.language;
    this.text = wordsFrom(JSON.parse(root.querySelector("#pct-strings").textContent));
    const config = JSON.parse(root.querySelector("#pct-config").textContent);
    this.fields = config.answer_fields;
    this.links = new Links(root);
    this.messages = new Messages(root);
    this.store = new Store();
    this.saved = new SavedChecklist(this.store);
    this.form = new QuestionsForm(root.querySelector("#pct-form"), {
      text: this.text,
      say: (message) => this.messages.say(message),
      // A whole date pasted into a box is read by the engine, once it is there (date-paste.js).
      readPasted: (text) => (this.engineReady ? this.engine.call("read_date", { text, language: this.language }) : null),
      dayFirst: root.querySelector(".pct-date input[data-part]")?.dataset.part === "day",
    });
    this.dateWords = config.date_words;
    this.summary = new AnswersSummary(root.querySelector("#pct-summary"), { form: this.form, text: this.text, dateWords: this.dateWords });
    this.view = new PlanView(root, { text: this.text, language: this.language, dateOrder: config.date_order, links: this.links });
    this.toolbar = new Toolbar(root.querySelector("#pct-actions"), this);
    const { decimal } = config;
    this.progress = new StartProgress(root, { text: this.text, language: this.language, messages: this.messages, decimal });
    // data-next-start: "snapshot-kept" or "snapshot-skipped" (worker.js), what the next visit starts from.
    const onEvent = ({ event }) => event.startsWith("snapshot-") && (root.dataset.nextStart = event);
    this.engine = new Engine(root.dataset.worker, { ...this.progress.engineOptions(), onEvent });
    this.engineReady = false;
    const offlineBox = root.querySelector("#pct-offline");
    this.offline = new Offline(root, { say: (key) => (offlineBox.textContent = this.text(key)) });
    this.team = null;
    this.latest = 0;
    this.state = emptyState();
  }

  init() {
    this.store.onFailure(() => this.messages.notice(this.text("storage_failed")));
    this.store.init();
    this.offline.init();
    this.view.init(document.getElementById("pct-first-paint")?.pctPrerendered ?? undefined);
    const loaded = this.saved.load();
    this.state = loaded.state;
    if ("setAside" in loaded) this.reportSetAside(loaded.setAside);
    this.openShareLink();
    this.form.init(() => this.onAnswersChanged());
    this.form.fill(this.state.answers);
    this.showAnswers();
    this.root.addEventListener("change", (event) => this.onTick(event));
    if (this.state.plan && this.state.plan.language === this.language && this.state.answers.role) this.paint(this.state.plan, "stored");
    else this.paintPrerendered();
    this.run(this.wire());
    return this;
  }

  /** The rest of the start, in tasks of its own after the plan is painted (no long task at start, issue 27). */
  async wire() {
    await yieldToMain();
    this.toolbar.init();
    window.addEventListener("storage", (event) => this.onOtherTab(event));
    // A share link pasted into a tab already on this page changes only the fragment: open it like a new visit.
    window.addEventListener("hashchange", () => this.onHashChange());
    new ForgetButton(this.root.querySelector("#pct-forget"), { store: this.store, text: this.text, siteRoot: this.links.root })
      .init((cleared, summary) => this.onDeletedAll(cleared, summary));
    await yieldToMain();
    await this.startEngine();
  }

  /* ------------------------------------------------------------ state */

  save() {
    this.showAnswers();
    return this.saved.save(this.state);
  }

  done() {
    return this.state.answers.done ?? [];
  }

  /** The state without its share-link mark: once the reader changes answers or ticks, they are the reader's. */
  own() {
    const { shared: _shared, ...state } = this.state;
    return state;
  }

  setState(state) {
    this.state = state;
    this.form.fill(state.answers);
    this.form.clearErrors();
    this.showAnswers();
  }

  /** The address bar and the answers' summary follow the answers (deleting everything clears both). */
  showAnswers() {
    syncAddress(this.state.answers, this.fields);
    this.summary.paint();
  }

  /** Open the share link in the address bar, if any. The address keeps it (bookmarkable); the reader's own saved
   * answers, when the link carries exactly them (a reload, a bookmark), are not a shared link. */
  openShareLink() {
    const shared = answersFromFragment(location.hash, this.fields);
    if (!shared) return false;
    if (fragmentFor(shared, this.fields) === fragmentFor(this.state.answers, this.fields)) return false;
    const { state, previousKept, previousLost } = this.saved.share(shared);
    this.state = state;
    this.save();
    if (previousKept) this.messages.alert(this.text("shared_loaded"), [this.restoreButton()], true);
    else if (previousLost) this.messages.alert(this.text("shared_loaded_lost"));
    return true;
  }

  onHashChange() {
    if (!this.openShareLink()) return;
    this.form.fill(this.state.answers);
    this.form.clearErrors();
    this.team?.show(this.state.answers.role === "admin");
    this.run(this.recompute());
  }

  restoreButton() {
    return button(this.text("restore_previous"), () => {
      const previous = this.saved.restorePrevious();
      if (previous) this.setState(previous);
      this.messages.hideAlert();
      this.run(this.recompute());
    });
  }

  /** Tell where unreadable answers went: a copy is named only if it was really written. */
  reportSetAside(key) {
    const message = key ? this.text("corrupt_state", { key }) : this.text("corrupt_state_not_kept");
    this.messages.alert(message, this.saved.previous() ? [this.restoreButton()] : []);
  }

  /* ------------------------------------------------------------ painting */

  /** `waiting`: the questions whose answers the plan is made without (form.waiting()); a stored plan has none. */
  paint(plan, source, waiting = []) {
    const asked = this.form.asksDates();
    this.view.paint(plan, source, waiting, asked);
    this.toolbar.hidden = false;
    const noDates = asked ? "calendar_no_dates" : "calendar_no_dates_here";
    this.toolbar.showCalendar(source !== "live" ? "calendar_not_ready" : Object.keys(plan.dates).length ? null : noDates);
  }

  paintPrerendered() {
    const role = this.state.answers.role ?? null;
    this.view.paintPrerendered(role, this.done());
    this.toolbar.hidden = !role;
    this.toolbar.showCalendar(this.engineReady ? "calendar_no_dates" : "calendar_not_ready");
  }

  engineAnswers(answers = this.state.answers) {
    return { ...answers, language: this.language, ...clock() };
  }

  /**
   * Recompute and repaint; only the newest request paints, so fast typing never shows an older plan.
   *
   * An answer the engine refuses (3 December, later than today) is left out and the plan is asked again
   * without it: the reader sees a plan made as if that question were unanswered, which says it waits for
   * it, never the plan of an earlier or in-between value. Only answers the engine accepted are saved (and so
   * reach the address bar and share links); answers given before the engine is ready are saved unjudged, so
   * that nothing typed during the start is lost, and judged as soon as it is ready.
   */
  async recompute() {
    if (!this.state.answers.role || !this.engineReady) {
      this.save();
      if (!this.state.answers.role || !this.state.plan || this.state.plan.language !== this.language) this.paintPrerendered();
      return;
    }
    const ticket = ++this.latest;
    let answers = this.state.answers;
    let plan;
    for (;;) {
      try {
        const started = performance.now();
        plan = await this.engine.call("plan", { answers: this.engineAnswers(answers) });
        performance.measure("pct:recompute", { start: started }); // worker round trip, read by the benchmark
        break;
      } catch (error) {
        if (ticket !== this.latest) return;
        const field = error instanceof EngineError && error.isFieldError ? this.form.refuse(error) : null;
        if (!field) {
          this.form.clearErrors();
          if (!(error instanceof EngineError && error.isFieldError)) this.keepAnswers(answers);
          throw error; // a fault, or a field the reader cannot fix (onError sets the answers aside)
        }
        const { [field]: _refused, ...accepted } = answers;
        answers = accepted;
      }
    }
    if (ticket !== this.latest) return;
    if (!isPlan(plan)) {
      this.keepAnswers(answers);
      throw new Error("the engine returned a plan of an unknown shape");
    }
    this.form.clearErrors();
    const before = this.livePlan ?? null; // the plan the reader last heard about (null: the first of this visit)
    this.livePlan = plan;
    this.state = { ...this.state, answers, plan };
    this.save();
    this.paint(plan, "live", this.form.waiting());
    // Say what changed (progress, new or cleared warnings); nothing changed: nothing new to hear. An error still
    // shown beside a question is said with it, or a plan that arrives just after the error would silence it.
    const changes = planChanges(before, plan, this.text);
    if (changes) this.messages.say([changes, this.form.shownErrors()].filter(Boolean).join(" "));
  }

  /** A fault (the engine failed, not the reader's answer): the answers it was given (but those it refused) are
   * saved all the same, so that nothing the reader typed is lost. */
  keepAnswers(answers) {
    this.state = { ...this.state, answers };
    this.save();
  }

  /** Every promise the page starts ends here: errors are sorted, never swallowed. */
  run(promise) {
    Promise.resolve(promise).catch((error) => this.onError(error));
  }

  onError(error) {
    if (error instanceof EngineError && error.isFieldError) {
      // Stored or shared answers rejected on a field the form does not show (a step id from another version,
      // say): the reader cannot fix them, so they are kept aside and the page starts clean.
      const key = this.saved.setAside(JSON.stringify(this.state));
      this.setState(emptyState());
      this.save();
      this.paintPrerendered();
      this.reportSetAside(key);
    } else if (error instanceof EngineError && error.field === "$" && error.code !== "internal") {
      // The worker or Python failed or stalled (codes: engine.js, worker.js): the list and the answers stay.
      this.engineReady = false;
      this.save(); // answers not judged yet are kept, like those typed during the start
      this.progress.failed(error.code, () => this.run(this.startEngine()));
      this.paintPrerendered();
    } else {
      console.error("checklist:", error);
      this.messages.alert(this.text("fault", { message: String(error?.message ?? error) }));
    }
  }

  async startEngine() {
    performance.mark("pct:engine-start");
    this.progress.begin(this.state.plan ? "stored" : "loading");
    const data = this.root.dataset;
    const started = await this.engine.start(Engine.initMessage());
    data.engineTimings = JSON.stringify(started?.timings ?? {});
    Object.assign(data, { engineFrom: started?.from ?? "", engineVersion: started?.version ?? "" }); // for tests
    this.engineReady = true;
    // In pieces, each its own task: the reply, the team's section, the plan (a long task delays the reader's
    // first tap, and Lighthouse counts it as blocking time).
    await yieldToMain();
    const { text, language, links, store } = this;
    this.team ??= setUpTeam({ engine: () => this.engine, text, element, download, clock, language, links, store });
    this.team.show(this.state.answers.role === "admin");
    this.team.recompute();
    data.engine = "ready";
    this.messages.say(this.text("engine_ready")); // no longer "Loading…": a plan, if any, says more below
    performance.mark("pct:engine-ready");
    await yieldToMain();
    this.run(this.offline.register()); // after the start, so that the offline copy never delays a first visit
    await this.recompute();
  }

  /* ------------------------------------------------------------ the reader's actions */

  /** Saved by recompute(): once the engine accepted them, or at once while it is not ready. */
  onAnswersChanged() {
    this.messages.hideTransient();
    this.state = { ...this.own(), answers: this.form.read(this.done()) };
    this.team?.show(this.state.answers.role === "admin");
    this.run(this.recompute());
  }

  /** Ticks work on the live plan and on the pre-rendered list alike. The stored ticks are read first, so a
   * tick made in another tab a moment ago is not lost. */
  onTick(event) {
    const stepId = event.target.dataset?.step;
    if (!stepId) return;
    const fresh = this.store.failed ? null : this.saved.peek();
    const done = new Set(fresh?.answers.done ?? this.done());
    if (event.target.checked) done.add(stepId);
    else done.delete(stepId);
    this.state = { ...this.own(), answers: { ...this.state.answers, done: [...done] } };
    this.save();
    this.run(this.recompute());
  }

  /** Another tab saved answers or ticks (or deleted everything): follow it. */
  onOtherTab(event) {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const other = this.saved.peek() ?? emptyState();
    if (JSON.stringify(other.answers) === JSON.stringify(this.state.answers)) return;
    this.setState({ ...other, plan: this.state.plan });
    this.team?.show(this.state.answers.role === "admin");
    this.run(this.recompute());
  }

  /** After "Delete everything": forget what the page shows too, say what was removed (`summary`) and whether
   * the browser did it all. */
  onDeletedAll(cleared, summary) {
    this.team?.forget();
    this.team?.show(false);
    this.setState(emptyState());
    this.toolbar.shareBox.hide();
    this.paintPrerendered();
    this.messages.alert(cleared ? summary : `${this.text("delete_all_failed")} ${summary}`);
  }
}

/** Start the checklist on its root element (#pct-app), if the page has one. */
export function init(scope = document) {
  return [...scope.querySelectorAll("#pct-app")].map((root) => new ChecklistApp(root).init());
}
