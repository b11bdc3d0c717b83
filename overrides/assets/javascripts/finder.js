/* Service finder: filters the list of services on the finder page by age, level of need and
   need. The filter lives in the page address (?age=15&level=3&need=exploitation) so a link
   can be shared. Without JavaScript the form stays hidden and every service is listed. */
(function () {
  "use strict";

  var form = document.getElementById("finder-form");
  if (!form) {
    return;
  }
  var age = document.getElementById("finder-age");
  var unborn = document.getElementById("finder-unborn");
  var level = document.getElementById("finder-level");
  var need = document.getElementById("finder-need");
  var count = document.getElementById("finder-count");
  var services = Array.prototype.slice.call(document.querySelectorAll(".finder-service"));

  function filterFromAddress() {
    var params = new URLSearchParams(window.location.search);
    var wanted = params.get("age") || "";
    unborn.checked = wanted === "unborn";
    age.value = wanted === "unborn" ? "" : wanted;
    age.disabled = unborn.checked;
    level.value = params.get("level") || "";
    need.value = params.get("need") || "";
  }

  function currentFilter() {
    return {
      age: unborn.checked ? "unborn" : age.value.trim(),
      level: level.value,
      need: need.value,
    };
  }

  function fitsAge(element, wanted) {
    if (wanted === "") {
      return true;
    }
    var min = element.dataset.min;
    var max = element.dataset.max;
    if (wanted === "unborn") {
      // Only services that work before birth; those whose ages are not stated stay listed.
      return min === "unborn" || (min === "" && max === "");
    }
    var years = parseFloat(wanted);
    if (isNaN(years)) {
      return true;
    }
    var fromOk = min === "" || min === "unborn" || years >= parseFloat(min);
    var toOk = max === "" || years <= parseFloat(max);
    return fromOk && toOk;
  }

  function fits(element, filter) {
    var levels = element.dataset.levels.split(" ");
    var needs = element.dataset.needs.split(" ");
    return fitsAge(element, filter.age) &&
      (filter.level === "" || levels.indexOf(filter.level) !== -1) &&
      (filter.need === "" || needs.indexOf(filter.need) !== -1);
  }

  function apply() {
    var filter = currentFilter();
    var shown = 0;
    services.forEach(function (element) {
      var visible = fits(element, filter);
      element.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    count.textContent = shown === services.length
      ? services.length + " services."
      : shown + " of " + services.length + " services match.";
  }

  function remember() {
    var filter = currentFilter();
    var params = new URLSearchParams();
    Object.keys(filter).forEach(function (key) {
      if (filter[key] !== "") {
        params.set(key, filter[key]);
      }
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
  }

  function changed() {
    age.disabled = unborn.checked;
    apply();
    remember();
  }

  form.hidden = false;
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { window.setTimeout(changed, 0); });
  filterFromAddress();
  apply();
})();
