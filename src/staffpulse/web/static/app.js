// staffpulse dashboard: small progressive enhancements. Every page works without this file.
(function () {
  "use strict";

  // Import: refuse a file that is over the limit, or more files than one upload takes,
  // before uploading them.
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    var input = form.querySelector("input[type=file][data-max-bytes]");
    var box = form.querySelector(".upload-error");
    var button = form.querySelector("button[type=submit]");
    function check() {
      var max = parseInt(input.getAttribute("data-max-bytes"), 10);
      var size = 0;
      Array.prototype.forEach.call(input.files || [], function (f) { size += f.size; });
      var several = input.files && input.files.length > 1;
      var tooBig = size && max && size > max;
      // an X archive ZIP cannot be split: its few data files, chosen together, can be sent
      var zipped = Array.prototype.some.call(input.files || [], function (f) {
        return /\.zip$/i.test(f.name);
      });
      var advice = zipped
        ? " An X archive is mostly pictures and videos: unzip it and choose manifest.js," +
          " account.js, profile.js and every tweets file (tweets.js, tweets-part1.js and so" +
          " on) from its data folder together, which are much smaller."
        : several ? " Upload them a few at a time, or split them into smaller files."
        : " Split it into smaller files.";
      // the limit is the dashboard's start option: a marketer cannot change it, but may ask
      advice += " Or ask whoever set up staffpulse to start it with a higher limit.";
      var maxFiles = parseInt(input.getAttribute("data-max-files"), 10);
      var count = input.files ? input.files.length : 0;
      var tooMany = maxFiles && count > maxFiles;
      if (box) {
        box.hidden = !(tooBig || tooMany);
        box.textContent = tooMany
          ? "You chose " + count + " files; choose at most " + maxFiles + " at a time, or put" +
            " them in one ZIP file and upload that."
          : tooBig
          ? (several ? "These files are " : "This file is ") + (size / 1048576).toFixed(1) +
            " MB; the limit is " + (max / 1048576).toFixed(0) + " MB." + advice
          : "";
      }
      if (button) button.disabled = !!(tooBig || tooMany);
      return !(tooBig || tooMany);
    }
    if (input) input.addEventListener("change", check);
    form.addEventListener("submit", function (event) {
      if (input && !check()) { event.preventDefault(); return; }
      if (button) { button.disabled = true; button.textContent = "Uploading\u2026"; }
    });
  });

  // Some pages take a few seconds to compute (the inbox, a first benchmark): show that
  // something is happening as soon as a link or form is used.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a[href^='/']");
    if (link && !link.hasAttribute("download") && !link.target && !event.defaultPrevented &&
        !/\/(export|report\.html)/.test(link.getAttribute("href"))) {
      document.body.classList.add("loading");
    }
  });
  // A form that changes something is sent once: a double click, or a second click while a
  // busy dashboard is slow to answer, would start the same refresh or X fetch twice (and pay
  // X twice) or save a token twice. The form is not disabled, so the clicked button's own
  // name and value (Dismiss, Remove) are still sent with the first submission.
  document.addEventListener("submit", function (event) {
    if (event.defaultPrevented) return;
    var form = event.target;
    if ((form.getAttribute("method") || "").toLowerCase() === "post") {
      if (form.hasAttribute("data-sent")) { event.preventDefault(); return; }
      form.setAttribute("data-sent", "");
      form.setAttribute("aria-busy", "true");
    }
    document.body.classList.add("loading");
  });
  // Back to a page kept by the browser: its forms can be sent again
  window.addEventListener("pageshow", function () {
    document.body.classList.remove("loading");
    document.querySelectorAll("form[data-sent]").forEach(function (form) {
      form.removeAttribute("data-sent");
      form.removeAttribute("aria-busy");
    });
  });

  // Buttons that ask first.
  document.querySelectorAll("[data-confirm]").forEach(function (el) {
    el.addEventListener("click", function (event) {
      if (!window.confirm(el.getAttribute("data-confirm"))) event.preventDefault();
    });
  });

  // The audit page's account picker opens an account as soon as a suggestion is chosen
  // (typing a handle and pressing Enter, or the Open button, works too).
  document.querySelectorAll("form.picker input[list]").forEach(function (el) {
    var list = document.getElementById(el.getAttribute("list"));
    el.addEventListener("change", function () {
      var chosen = list && Array.prototype.some.call(list.options, function (o) {
        return o.value === el.value;
      });
      if (chosen) el.form.submit();
    });
  });

  // Background jobs: poll the JSON status and move the progress bar. A link followed (or an
  // address typed) meanwhile is not cancelled by the reload when the job ends: "Inbox" clicked
  // while the Benchmark was ranking stayed on the Benchmark, the click lost.
  var job = document.querySelector("[data-job]");
  var leaving = false;
  window.addEventListener("beforeunload", function () { leaving = true; });
  window.addEventListener("pageshow", function () { leaving = false; });  // back to it
  if (job && (job.dataset.state === "queued" || job.dataset.state === "running")) {
    var bar = job.querySelector("[data-bar]");
    var phase = job.querySelector("[data-phase]");
    var count = job.querySelector("[data-count]");
    var progress = job.querySelector(".progress");
    var unit = count ? count.getAttribute("data-unit") : "";
    var poll = function () {
      fetch("/api/jobs/" + encodeURIComponent(job.dataset.job), {
        headers: { Accept: "application/json" }, credentials: "same-origin", cache: "no-store"
      }).then(function (response) { return response.json(); }).then(function (status) {
        if (status.finished) {
          if (!leaving) { window.location.reload(); return; }
          // another page is on its way (or a download took the link): say it is ready
          if (phase) phase.innerHTML = 'Ready: <a href="">show it</a>';
          return;
        }
        if (phase) phase.textContent = status.phase + "\u2026";
        if (count && status.detail) count.textContent = status.detail;
        else if (count && unit && status.done) count.textContent = status.done.toLocaleString() + " " + unit;
        if (status.percent !== null && status.percent !== undefined) {
          progress.classList.remove("indeterminate");
          progress.setAttribute("aria-valuenow", status.percent);
          bar.style.width = status.percent + "%";
        }
        window.setTimeout(poll, 600);
      }).catch(function () { window.setTimeout(poll, 2000); });
    };
    window.setTimeout(poll, 300);
  }

  // After an Inbox button (Dismiss, Snooze a week, Mark joined, Reopen) the page opens at the
  // next conversation, below the message that says what was done: out of sight, the button
  // seemed to do nothing. That message is shown at the foot of the screen too, until closed.
  var said = document.querySelector("main > .flash:not(.sample-bar)");
  if (said && window.location.hash) {
    window.addEventListener("load", function () {
      window.setTimeout(function () {
        var bar = document.querySelector(".appbar");
        var top = bar ? bar.getBoundingClientRect().bottom : 0;
        if (said.getBoundingClientRect().bottom > top) return;  // in sight already
        var toast = document.createElement("div");
        toast.className = said.className + " toast";
        toast.setAttribute("role", said.getAttribute("role") || "status");
        var text = document.createElement("div");
        text.className = "toast-text";
        text.innerHTML = said.innerHTML;
        var close = document.createElement("button");
        close.type = "button";
        close.className = "btn ghost small";
        close.textContent = "OK";
        close.addEventListener("click", function () { toast.remove(); });
        toast.appendChild(text);
        toast.appendChild(close);
        document.body.appendChild(toast);
      }, 0);
    });
  }

  // A big cohort's strips (the Benchmark page, an audit's "Where you stand") are fetched from
  // their own page when they come near the screen, so the page itself stays light; its link
  // opens them otherwise (web/bench_board.py, strips_later).
  document.querySelectorAll("[data-strips]").forEach(function (box) {
    function load() {
      fetch(box.getAttribute("data-strips"), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error(String(response.status));
          return response.text();
        })
        .then(function (text) {
          var card = new DOMParser().parseFromString(text, "text/html").getElementById("strips");
          var chart = card && card.querySelector(".chart");
          if (!chart) throw new Error("no chart");
          box.replaceChildren(document.importNode(chart, true));
          box.setAttribute("data-loaded", "");
          centreOnMarker(box);  // on a phone, an audit's strips open on the account's marker
        })
        .catch(function () {
          var note = box.querySelector("p");
          if (note) note.insertBefore(document.createTextNode(
            "The chart could not be loaded just now. "), note.firstChild);
        });
    }
    if (!("IntersectionObserver" in window)) { load(); return; }
    var seen = new IntersectionObserver(function (entries) {
      if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); load(); }
    }, { rootMargin: "400px" });
    seen.observe(box);
  });

  // A chart box that opens on the account's own marker (.chart-focus): the stylesheet does
  // it where the browser knows scroll-initial-target; elsewhere this centres the marker.
  centreOnMarker(document);
  function centreOnMarker(within) {
    if (window.CSS && CSS.supports && CSS.supports("scroll-initial-target", "nearest")) return;
    within.querySelectorAll(".chart-focus").forEach(function (point) {
      var box = point.closest(".chart-scroll");
      if (box) box.scrollLeft = point.offsetLeft - box.clientWidth / 2;
    });
  }
})();
