(() => {
  "use strict";
  const boxes = Array.from(document.querySelectorAll("input[data-filter]"));
  const findings = Array.from(document.querySelectorAll(".d[data-kind]"));
  const shown = document.getElementById("shown");
  function apply() {
    const off = new Set(boxes.filter((b) => !b.checked).map((b) => b.dataset.filter + ":" + b.value));
    for (const el of findings) {
      const hide = off.has("kind:" + el.dataset.kind) || off.has("sev:" + el.dataset.sev);
      el.classList.toggle("off", hide);
    }
    if (shown) {
      shown.textContent = String(document.querySelectorAll(".note:not(.off)").length);
    }
  }
  for (const box of boxes) {
    box.addEventListener("change", apply);
  }
  apply();
})();
