// Column keying: keyboard only. Type to replace the suggestion, Enter accepts and goes down, F9 flags the
// cell illegible. Every key pressed in a cell is counted and sent with the cell.
(function () {
  "use strict";
  const root = document.getElementById("keying");
  if (!root) return;
  const column = root.dataset.column;
  const csrf = root.dataset.csrf;
  const cells = Array.from(root.querySelectorAll(".keying-cell"));
  const strokes = new Map();

  function focusCell(index) {
    const next = cells.slice(index).find((c) => !c.classList.contains("done"))
      || cells.find((c) => !c.classList.contains("done"));
    if (!next) {
      document.getElementById("keying-done").hidden = false;
      return;
    }
    const input = next.querySelector("input");
    input.focus();
    input.select();
    next.scrollIntoView({block: "nearest"});
  }

  function showTotals(totals) {
    for (const el of root.querySelectorAll("#keying-totals [data-k]")) {
      el.textContent = Number(totals[el.dataset.k]).toLocaleString("vi-VN");
    }
  }

  async function send(cell, illegible) {
    const input = cell.querySelector("input");
    const id = cell.dataset.id;
    const body = {value: input.value.normalize("NFC").trim(), illegible: illegible, keystrokes: strokes.get(id) || 0};
    const response = await fetch(`/api/keying/${column}/cells/${id}`, {
      method: "POST",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf},
      body: JSON.stringify(body),
    });
    if (!response.ok) {
      cell.querySelector(".keying-state").textContent = "lỗi, thử lại";
      return false;
    }
    cell.classList.add("done");
    cell.querySelector(".keying-state").textContent = illegible ? "không đọc được" : "đã nhập";
    showTotals(await response.json());
    return true;
  }

  function count(id) {
    strokes.set(id, (strokes.get(id) || 0) + 1);
  }

  cells.forEach((cell, index) => {
    const input = cell.querySelector("input");
    const id = cell.dataset.id;
    let keyDown = false;  // text that arrives without a key (an input method's letter) is counted as one key
    input.addEventListener("keyup", () => { keyDown = false; });
    input.addEventListener("input", () => { if (!keyDown) count(id); });
    input.addEventListener("keydown", async (event) => {
      if (["Shift", "Control", "Alt", "Meta", "CapsLock"].includes(event.key)) return;
      keyDown = true;
      count(id);
      if (event.key === "Enter" || event.key === "F9") {
        event.preventDefault();
        if (await send(cell, event.key === "F9")) focusCell(index + 1);
      }
    });
    input.addEventListener("focus", () => cell.classList.add("current"));
    input.addEventListener("blur", () => cell.classList.remove("current"));
  });
  focusCell(0);
})();
