// Light behaviour for the server-rendered pages: each form field linked with its box on the page image and
// its crop shown enlarged beside the input; the page image zooms and pans; review by keyboard (Enter to the
// next field to review, Ctrl+Enter accepts, refused while fields to review are unchecked); busy notes on
// long submits, printing, reuse target.
"use strict";

const ZOOM_MIN = 1, ZOOM_MAX = 8, ZOOM_STEP = 1.25, PAN_STEP = 60;

// -- the page image: zoom (wheel, +/−, 0), pan (drag, arrow keys) --------------------------------------
class PageZoom {
  constructor(figure) {
    this.figure = figure;
    this.viewport = figure.querySelector(".viewport");
    this.stage = figure.querySelector(".stage");
    this.level = figure.querySelector(".zoom-level");
    this.scale = 1; this.x = 0; this.y = 0;
    this.pointers = new Map();
    figure.querySelectorAll("[data-zoom]").forEach((button) => button.addEventListener("click", () => {
      const action = button.dataset.zoom;
      if (action === "reset") this.reset(); else this.zoomAtField(action === "in" ? ZOOM_STEP : 1 / ZOOM_STEP);
    }));
    this.viewport.addEventListener("wheel", (event) => {
      // The wheel zooms once the image is in use (it has the focus, a click gives it, or it is zoomed in) or
      // with Ctrl; otherwise it scrolls the screen as everywhere else (a dossier shows several pages).
      const inUse = document.activeElement === this.viewport || this.scale > 1 || event.ctrlKey;
      if (!inUse) return;
      event.preventDefault();
      const at = this.point(event);
      this.zoomBy(event.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at.x, at.y);
    }, { passive: false });
    this.viewport.addEventListener("keydown", (event) => this.key(event));
    this.viewport.addEventListener("pointerdown", (event) => this.down(event));
    this.viewport.addEventListener("pointermove", (event) => this.move(event));
    ["pointerup", "pointercancel", "pointerleave"].forEach((name) =>
      this.viewport.addEventListener(name, (event) => this.up(event)));
    this.viewport.addEventListener("dblclick", (event) => {
      const at = this.point(event);
      this.zoomBy(this.scale < 2 ? 2.5 : 1 / this.scale, at.x, at.y);
    });
  }

  point(event) {
    const r = this.viewport.getBoundingClientRect();
    return { x: event.clientX - r.left, y: event.clientY - r.top };
  }

  size() { return { w: this.viewport.clientWidth, h: this.viewport.clientHeight }; }

  // The page image's size at zoom 1 (as wide as the viewport; it may be taller, on a phone).
  page() { return { pw: this.stage.offsetWidth, ph: this.stage.offsetHeight }; }

  zoomBy(factor, cx, cy) {
    const { w, h } = this.size();
    const ax = cx === undefined ? w / 2 : cx, ay = cy === undefined ? h / 2 : cy;
    const next = Math.min(ZOOM_MAX, Math.max(ZOOM_MIN, this.scale * factor));
    // keep the point under the cursor (or the centre) where it is
    this.x = ax - (ax - this.x) * (next / this.scale);
    this.y = ay - (ay - this.y) * (next / this.scale);
    this.scale = next;
    this.apply();
  }

  // Zooms around the box of the field being checked (set by the field's focus), else around the centre.
  zoomAtField(factor) {
    const { pw, ph } = this.page();
    if (!this.fieldBox) { this.zoomBy(factor); return; }
    const b = this.fieldBox;
    this.zoomBy(factor, this.x + (b.x + b.w / 2) * pw * this.scale, this.y + (b.y + b.h / 2) * ph * this.scale);
  }

  reset() { this.scale = 1; this.x = 0; this.y = 0; this.apply(); }

  panBy(dx, dy) { this.x += dx; this.y += dy; this.apply(); }

  // Brings a box (fractions of the page) to the middle of the viewport (as far as the page goes).
  show(box) {
    const { w, h } = this.size();
    const { pw, ph } = this.page();
    this.x = w / 2 - (box.x + box.w / 2) * pw * this.scale;
    this.y = h / 2 - (box.y + box.h / 2) * ph * this.scale;
    this.apply();
  }

  apply() {
    const { w, h } = this.size();
    const { pw, ph } = this.page();
    this.x = Math.min(0, Math.max(w - pw * this.scale, this.x));
    this.y = Math.min(0, Math.max(Math.min(0, h - ph * this.scale), this.y));
    this.stage.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.scale})`;
    this.stage.style.setProperty("--zoom", String(this.scale));
    this.viewport.classList.toggle("zoomed", this.scale > 1);
    if (this.level) this.level.textContent = `${Math.round(this.scale * 100).toLocaleString("vi-VN")} %`;
  }

  key(event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const moves = { ArrowLeft: [PAN_STEP, 0], ArrowRight: [-PAN_STEP, 0], ArrowUp: [0, PAN_STEP], ArrowDown: [0, -PAN_STEP] };
    if (event.key === "+" || event.key === "=") this.zoomAtField(ZOOM_STEP);
    else if (event.key === "-" || event.key === "−" || event.key === "_") this.zoomAtField(1 / ZOOM_STEP);
    else if (event.key === "0") this.reset();
    else if (moves[event.key]) this.panBy(...moves[event.key]);
    else return;
    event.preventDefault();
  }

  down(event) {
    this.pointers.set(event.pointerId, this.point(event));
    if (this.pointers.size === 1 && (this.scale > 1 || this.stage.offsetHeight > this.viewport.clientHeight + 1)) {
      this.viewport.setPointerCapture(event.pointerId);
      this.viewport.classList.add("dragging");
    }
    this.moved = false;
  }

  move(event) {
    const before = this.pointers.get(event.pointerId);
    if (!before) return;
    const now = this.point(event);
    if (this.pointers.size === 2) {  // pinch
      const [a, b] = [...this.pointers.entries()].map(([id, p]) => (id === event.pointerId ? now : p));
      const [oa, ob] = [...this.pointers.values()];
      const spread = Math.hypot(a.x - b.x, a.y - b.y), old = Math.hypot(oa.x - ob.x, oa.y - ob.y);
      if (old > 0) this.zoomBy(spread / old, (a.x + b.x) / 2, (a.y + b.y) / 2);
    } else if (this.pointers.size === 1 && this.viewport.classList.contains("dragging")) {
      this.panBy(now.x - before.x, now.y - before.y);
    }
    if (Math.abs(now.x - before.x) + Math.abs(now.y - before.y) > 2) this.moved = true;
    this.pointers.set(event.pointerId, now);
  }

  up(event) {
    this.pointers.delete(event.pointerId);
    if (!this.pointers.size) this.viewport.classList.remove("dragging");
  }
}

// -- each field with its box and its enlarged crop ------------------------------------------------------
function fieldBox(row) {
  const parts = (row.dataset.box || "").split(",").map(Number);
  if (parts.length !== 4 || parts.some(Number.isNaN)) return null;
  return { x: parts[0] / 100, y: parts[1] / 100, w: parts[2] / 100, h: parts[3] / 100 };
}

// Draws the field's part of the page image (a margin around its box) into a canvas beside the input, at
// least CROP_ENLARGE times as large as the page image shows it. A wide field on one line of text (an address
// on a birth certificate) is cut into up to CROP_LINES pieces, one under the other, each overlapping the next
// by about a character, rather than shrunk to the input's width; a wide box of several lines (a card's
// address under its label) is drawn as large and scrolls sideways in its frame, from the box's start.
const CROP_ENLARGE = 1.6, CROP_LINES = 4, CROP_LINE_HEIGHT = 140, CROP_MAX_SCALE = 6, CROP_GAP = 6;
const ONE_LINE_RATIO = 12;  // a box this many times wider than high holds one line of text
const CROP_MIN_BOX_PX = 30;  // and the box at least this high on screen (a phone shows the page small)

function drawCrop(row, image) {
  const box = fieldBox(row);
  if (!box || !image || !image.complete || !image.naturalWidth) return;
  let canvas = row.querySelector("canvas.crop");
  if (!canvas) {
    const holder = document.createElement("div");
    holder.className = "crop-frame";
    canvas = document.createElement("canvas");
    canvas.className = "crop";
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", "Ảnh phóng to của ô trên trang");
    holder.append(canvas);
    const input = row.querySelector("input, select, output");
    (input || row.lastChild).after(holder);
  }
  const holder = canvas.parentElement;
  const W = image.naturalWidth, H = image.naturalHeight;
  const padY = box.h * H * 0.45 + 6, padX = Math.max(box.h * H * 0.8, 12);
  const sx = Math.max(0, box.x * W - padX), sy = Math.max(0, box.y * H - padY);
  const sw = Math.min(W - sx, box.w * W + 2 * padX), sh = Math.min(H - sy, box.h * H + 2 * padY);
  const cssWidth = Math.max(row.clientWidth - 16, 120);
  const frame = image.closest(".viewport") || image;
  const onPage = (frame.clientWidth || image.clientWidth || W) / W;  // the page image's scale at 100 %
  const overlap = Math.min(box.h * H, sw / 4);  // about a character: none is lost at a cut
  const want = Math.max(CROP_ENLARGE * onPage, Math.min(CROP_MIN_BOX_PX / (box.h * H), CROP_MAX_SCALE));
  const tallest = Math.max(CROP_LINE_HEIGHT / sh, want);  // a tall box is not shrunk either
  const scaleFor = (n) => Math.min(cssWidth / ((sw + (n - 1) * overlap) / n), tallest, CROP_MAX_SCALE);
  const oneLine = (box.w * W) / (box.h * H) >= ONE_LINE_RATIO;
  let lines = 1;
  while (oneLine && lines < CROP_LINES && scaleFor(lines) < want) lines += 1;
  const scale = oneLine ? scaleFor(lines) : Math.max(scaleFor(1), Math.min(want, tallest, CROP_MAX_SCALE));
  const pieceW = (sw + (lines - 1) * overlap) / lines;
  const ratio = window.devicePixelRatio || 1;
  const lineH = sh * scale;
  canvas.width = Math.round(pieceW * scale * ratio);
  canvas.height = Math.round((lines * lineH + (lines - 1) * CROP_GAP) * ratio);
  canvas.style.width = `${Math.round(pieceW * scale)}px`;
  canvas.style.height = `${Math.round(lines * lineH + (lines - 1) * CROP_GAP)}px`;
  canvas.dataset.scale = (scale / onPage).toFixed(2);  // how much larger than the page image shows it
  canvas.dataset.lines = String(lines);
  const context = canvas.getContext("2d");
  context.imageSmoothingQuality = "high";
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  const gap = 4 * ratio;  // the outline stands clear of the characters
  for (let i = 0; i < lines; i += 1) {
    const px = sx + i * (pieceW - overlap), top = i * (lineH + CROP_GAP) * ratio;
    const pw = Math.min(pieceW, W - px);
    context.drawImage(image, px, sy, pw, sh, 0, top, pw * scale * ratio, lineH * ratio);
    // the box itself, outlined (never filled) in the crop too, within this piece
    context.save();
    context.beginPath();
    context.rect(0, top, canvas.width, lineH * ratio);
    context.clip();
    context.strokeStyle = "#0b5cad";
    context.lineWidth = 1.5 * ratio;
    context.strokeRect((box.x * W - px) * scale * ratio - gap, top + (box.y * H - sy) * scale * ratio - gap,
                       box.w * W * scale * ratio + 2 * gap, box.h * H * scale * ratio + 2 * gap);
    context.restore();
    if (i > 0) {  // a dashed line where the field goes on from the piece above
      context.strokeStyle = "#9db4d0";
      context.setLineDash([4 * ratio, 3 * ratio]);
      context.beginPath();
      context.moveTo(0, top - CROP_GAP * ratio / 2);
      context.lineTo(canvas.width, top - CROP_GAP * ratio / 2);
      context.stroke();
      context.setLineDash([]);
    }
  }
  canvas.classList.add("ready");
  holder.classList.add("ready");
  holder.scrollLeft = Math.max(0, (box.x * W - sx) * scale - 8);  // the value's start in sight
}

function linkFieldsAndBoxes(panel) {
  const boxes = new Map();
  panel.querySelectorAll("rect.box").forEach((rect) => boxes.set(rect.dataset.field, rect));
  const zooms = new Map();
  panel.querySelectorAll("figure.page").forEach((figure) => {
    if (figure.querySelector(".viewport")) zooms.set(figure.dataset.page, new PageZoom(figure));
  });
  panel.querySelectorAll(".field").forEach((row) => {
    const rect = boxes.get(row.dataset.field);
    const input = row.querySelector("input, select, output");
    const figure = panel.querySelector(`figure.page[data-page="${row.dataset.page}"]`);
    const image = figure && figure.querySelector("img");
    const activate = (fromFocus) => {
      panel.querySelectorAll(".active").forEach((el) => el.classList.remove("active"));
      row.classList.add("active");
      if (rect) rect.classList.add("active");
      drawCrop(row, image);
      const zoom = zooms.get(row.dataset.page);
      const box = fieldBox(row);
      zooms.forEach((z) => { z.fieldBox = null; });
      if (zoom && box) zoom.fieldBox = box;
      if (fromFocus && zoom && box) zoom.show(box);  // the image follows the field being checked
      else if (rect && fromFocus) rect.scrollIntoView({ block: "nearest", inline: "nearest" });
    };
    if (input) input.addEventListener("focus", () => activate(true));
    row.addEventListener("mouseenter", () => activate(false));
    if (rect && input) {
      rect.addEventListener("click", () => {
        const zoom = zooms.get(row.dataset.page);
        if (zoom && zoom.moved) return;  // the end of a drag, not a click
        input.focus();
        row.scrollIntoView({ block: "nearest" });
      });
    }
    if (image && !image.complete) image.addEventListener("load", () => { if (row.classList.contains("active")) drawCrop(row, image); });
  });
}

// -- review by keyboard ----------------------------------------------------------------------------------
// A field to review (orange, or refused in red) counts as checked once the reviewer has brought its input the
// focus (Enter, Tab, a click on it or on its box): the crop of the paper is then shown enlarged beside it. The
// focus the screen itself puts on the first field to review does not count until the reviewer acts there
// (Enter, typing, a click): opening a record and pressing Ctrl+Enter checks nothing. The names go back in the
// hidden "checked" input.
function fieldInputs(form) {
  return Array.from(form.querySelectorAll(".field")).map((row) => ({ row, input: row.querySelector("input, select") }))
    .filter((f) => f.input);
}

function toReview(f) { return f.row.classList.contains("review") || f.row.classList.contains("invalid"); }

function reviewKeyboard(form) {
  const fields = fieldInputs(form);
  if (!fields.length) return;
  const checked = form.querySelector("input[name=checked]");
  const seen = new Set(checked && checked.value ? checked.value.split(" ") : []);
  const status = form.querySelector("#review-status");
  const alertBox = form.querySelector("#unchecked");
  const unchecked = () => fields.filter((f) => toReview(f) && !seen.has(f.input.name));
  const label = (f) => (f.row.querySelector("label").firstChild.textContent || f.input.name).trim();
  const showProgress = () => {
    if (!status) return;
    const total = fields.filter(toReview).length, left = unchecked().length;
    status.textContent = total ? (left ? `Đã xem ${(total - left).toLocaleString("vi-VN")}/${total.toLocaleString("vi-VN")} ô cần kiểm tra`
      : "Đã xem hết các ô cần kiểm tra · Ctrl+Enter để chấp nhận") : "Không có ô cần kiểm tra · Ctrl+Enter để chấp nhận";
    if (alertBox && !alertBox.hidden) listUnchecked();
  };
  const listUnchecked = () => {
    const left = unchecked();
    if (!alertBox) return;
    if (!left.length) { alertBox.hidden = true; return; }
    alertBox.querySelector("#unchecked-count").textContent = left.length.toLocaleString("vi-VN");
    alertBox.querySelector("#unchecked-list").textContent = left.map(label).join(", ");
    alertBox.hidden = false;
  };
  const see = (f) => {
    delete f.input.dataset.placed;
    if (seen.has(f.input.name)) return;
    seen.add(f.input.name);
    f.row.classList.add("checked");
    if (checked) checked.value = Array.from(seen).join(" ");
    showProgress();
  };
  fields.forEach((f) => {
    f.input.addEventListener("focus", () => { if (!f.input.dataset.placed) see(f); });
    f.input.addEventListener("input", () => see(f));
    f.input.addEventListener("pointerdown", () => see(f));
    f.input.addEventListener("blur", () => { delete f.input.dataset.placed; });
  });
  const next = (from) => {
    const start = fields.findIndex((f) => f.input === from);
    const order = fields.slice(start + 1).concat(fields.slice(0, start + 1));
    return order.find((f) => toReview(f) && !seen.has(f.input.name)) || order.find(toReview)
      || fields[(start + 1) % fields.length];
  };
  const accept = form.querySelector("#accept");
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    if (target.type === "hidden" || !target.closest(".field")) return;
    event.preventDefault();  // Enter never submits from a field: it moves on to the next field to review
    const here = fields.find((f) => f.input === target);
    if (here) see(here);  // Enter from a field is the reviewer's word that it was looked at
    const to = next(target);
    if (to) { to.input.focus(); if (to.input.select) to.input.select(); }
  });
  if (accept) {
    document.addEventListener("keydown", (event) => {
      // Ctrl+Enter (⌘+Enter) accepts, from a field, the page image or anywhere on the screen
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      form.requestSubmit(accept);
    });
    form.addEventListener("submit", (event) => {
      if (event.submitter !== accept || !unchecked().length) return;
      event.preventDefault();  // refused: say which fields are still to check
      listUnchecked();
    });
  }
  showProgress();
}

// Forms marked data-enter="next" (the dossier's applicant details, the cancel reason): Enter in an input
// moves to the form's next input and never submits; the form is sent by its button only.
function enterMovesOn(form) {
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.isComposing || event.ctrlKey || event.metaKey) return;
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    const inputs = Array.from(form.querySelectorAll("input:not([type=hidden]):not([disabled]), select"));
    const to = inputs[inputs.indexOf(target) + 1];
    if (to) to.focus();
  });
}

function focusFirstReview() {
  const form = document.querySelector("form.review-form");
  if (!form) return;
  const fields = fieldInputs(form);
  const first = fields.find((f) => f.row.classList.contains("invalid"))
    || fields.find((f) => f.row.classList.contains("review") && !f.row.classList.contains("checked"))
    || fields.find((f) => f.row.classList.contains("review")) || fields[0];
  if (first) {
    first.input.dataset.placed = "1";  // put there by the screen: not yet checked (reviewKeyboard)
    first.input.focus();
  }
}

function busyNotes() {
  document.querySelectorAll("form").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (event.defaultPrevented) return;
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

function retargetReuse() {
  document.querySelectorAll("select.retarget").forEach((select) => {
    select.addEventListener("change", () => { select.form.action = select.value; });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".sbs").forEach(linkFieldsAndBoxes);
  document.querySelectorAll("form.review-form").forEach(reviewKeyboard);
  document.querySelectorAll("form[data-enter=next]").forEach(enterMovesOn);
  busyNotes();
  focusFirstReview();
  retargetReuse();
  showPickedFiles();
  document.querySelectorAll("button.print").forEach((b) => b.addEventListener("click", () => window.print()));
});
