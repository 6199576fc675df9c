// Light behaviour for the server-rendered pages: link each form field with its box on the page image,
// Enter moves through the fields needing review, busy notes on long submits, printing, reuse target.
"use strict";

function linkFieldsAndBoxes(panel) {
  const boxes = new Map();
  panel.querySelectorAll("rect.box").forEach((rect) => boxes.set(rect.dataset.field, rect));
  panel.querySelectorAll(".field").forEach((row) => {
    const rect = boxes.get(row.dataset.field);
    const input = row.querySelector("input, select, output");
    const activate = () => {
      panel.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
      row.classList.add("active");
      if (rect) {
        rect.classList.add("active");
        rect.scrollIntoView({ block: "nearest", inline: "nearest" });
      }
    };
    if (input) input.addEventListener("focus", activate);
    row.addEventListener("mouseenter", activate);
    if (rect && input) {
      rect.addEventListener("click", () => { input.focus(); row.scrollIntoView({ block: "nearest" }); });
    }
  });
}

function busyNotes() {
  document.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", (event) => {
      const button = event.submitter;
      const note = (button && button.dataset.busy) || form.dataset.busy;
      if (!note) return;
      const span = form.querySelector(".busy");
      if (span) { span.textContent = note; span.hidden = false; }
      if (button) { button.textContent = note; }
      form.querySelectorAll("button").forEach((b) => { setTimeout(() => { b.disabled = true; }, 0); });
    });
  });
}

function focusFirstReview() {
  const form = document.querySelector("form.review-form");
  if (!form) return;
  const first = form.querySelector(".field.invalid input, .field.review input, .field.review select, .field input");
  if (first) first.focus();
}

function showPickedFiles() {
  document.querySelectorAll("label.file-pick input[type=file]").forEach((input) => {
    input.addEventListener("change", () => {
      const note = input.closest("form").querySelector(".picked");
      if (!note) return;
      const names = Array.from(input.files).map((f) => f.name);
      note.textContent = names.length ? `${names.length} tệp: ${names.join(", ")}` : "Chưa chọn tệp";
    });
  });
}

function enterOnSelects() {
  // Enter in a text field submits with the form's first button (accept / save); make selects do the same.
  document.querySelectorAll("form.review-form select").forEach((select) => {
    select.addEventListener("keydown", (event) => {
      if (event.key !== "Enter") return;
      event.preventDefault();
      const form = select.form;
      const first = form.querySelector(".actions button[type=submit]");
      form.requestSubmit(first || undefined);
    });
  });
}

function retargetReuse() {
  document.querySelectorAll("select.retarget").forEach((select) => {
    select.addEventListener("change", () => { select.form.action = select.value; });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".sbs").forEach(linkFieldsAndBoxes);
  busyNotes();
  focusFirstReview();
  retargetReuse();
  showPickedFiles();
  enterOnSelects();
  document.querySelectorAll("button.print").forEach((b) => b.addEventListener("click", () => window.print()));
});
