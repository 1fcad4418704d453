// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  var root = document.documentElement;
  var lang = root.lang || "uk";
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf("tz=" + zone) === -1) {
      document.cookie = "tz=" + zone + ";path=/;max-age=31536000;samesite=lax";
    }
  } catch (e) { /* old browser: server-side zone stays */ }

  function localise() {
    var medium = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" });
    var short = new Intl.DateTimeFormat(lang, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
    var rel = window.Intl && Intl.RelativeTimeFormat ? new Intl.RelativeTimeFormat(lang, { numeric: "auto" }) : null;
    var nodes = document.querySelectorAll("time[datetime]");
    for (var i = 0; i < nodes.length; i++) {
      var node = nodes[i];
      var when = new Date(node.getAttribute("datetime"));
      if (isNaN(when)) continue;
      var fmt = node.getAttribute("data-fmt");
      node.title = medium.format(when);
      if (fmt === "age" && rel) {
        var minutes = Math.round((when - Date.now()) / 60000);
        if (Math.abs(minutes) < 60) node.textContent = rel.format(minutes, "minute");
        else if (Math.abs(minutes) < 1440) node.textContent = rel.format(Math.round(minutes / 60), "hour");
        else node.textContent = rel.format(Math.round(minutes / 1440), "day");
      } else if (fmt === "short") {
        node.textContent = short.format(when);
      } else if (fmt === "medium") {
        node.textContent = medium.format(when);
      }
    }
  }

  function themeToggle() {
    var button = document.querySelector(".theme-toggle");
    if (!button) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var dark = root.dataset.theme ? root.dataset.theme === "dark"
        : window.matchMedia("(prefers-color-scheme: dark)").matches;
      root.dataset.theme = dark ? "light" : "dark";
      try { localStorage.setItem("theme", root.dataset.theme); } catch (e) { /* private mode */ }
    });
  }

  // Pictures on other hosts (favicons, images not mirrored yet) may fail: hide them, not a broken icon.
  function hideBroken(img) {
    var box = img.closest(".card-media, .thumb") || img;
    box.style.display = "none";
  }
  function watchImages() {
    var imgs = document.querySelectorAll("img.favicon, .card-media img, .thumb img");
    for (var i = 0; i < imgs.length; i++) {
      var img = imgs[i];
      if (img.complete && img.naturalWidth === 0 && img.getAttribute("loading") !== "lazy") hideBroken(img);
      else img.addEventListener("error", function (e) { hideBroken(e.target); });
    }
  }

  document.addEventListener("DOMContentLoaded", function () { localise(); themeToggle(); watchImages(); });
})();
