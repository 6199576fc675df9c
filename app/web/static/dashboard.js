// The live dashboard (/thong-ke): the board pushed by the server as server-sent events (/api/stats/live),
// shown without a reload. Text only (textContent), numbers the Vietnamese way (1.234,5; 86,1 %).
(function () {
  "use strict";
  const live = document.getElementById("live");
  if (!live || !window.EventSource) return;
  const number = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 1 });
  const show = (value, kind) => value === null || value === undefined ? "—"
    : kind === "percent" ? number.format(Math.round(value * 1000) / 10) + " %" : number.format(value);
  const SVG = "http://www.w3.org/2000/svg";

  function rows(body, items) {
    body.replaceChildren(...items.map((item) => {
      const tr = document.createElement("tr");
      for (const text of [item.label, show(item.open), show(item.overdue), show(item.returned),
                          show(item.rate, "percent")]) {
        const td = document.createElement("td");
        td.textContent = text;
        tr.append(td);
      }
      const cell = document.createElement("td");
      const meter = document.createElement("meter");
      Object.entries({ min: 0, max: 1, low: 0.8, high: 0.95, optimum: 1, value: item.rate || 0 })
        .forEach(([k, v]) => meter.setAttribute(k, v));
      cell.append(meter);
      tr.append(cell);
      return tr;
    }));
  }

  function chart(svg, days) {
    const top = Math.max(1, ...days.map((d) => d.pages));
    const text = (x, y, value) => {
      const t = document.createElementNS(SVG, "text");
      Object.entries({ x, y, "text-anchor": "middle" }).forEach(([k, v]) => t.setAttribute(k, v));
      t.textContent = value;
      return t;
    };
    svg.replaceChildren(...days.map((d, i) => {
      const h = Math.round((100 * d.pages / top) * 10) / 10;  // the tallest bar leaves room for its figure
      const g = document.createElementNS(SVG, "g");
      const bar = document.createElementNS(SVG, "rect");
      Object.entries({ x: 10 + i * 29, y: 118 - h, width: 22, height: h }).forEach(([k, v]) => bar.setAttribute(k, v));
      const [year, month, day] = d.day.split("-");
      g.append(bar, text(21 + i * 29, 114 - h, show(d.pages)), text(21 + i * 29, 132, `${day}/${month}`));
      return g;
    }));
  }

  const status = document.querySelector("[data-live-status]");
  const source = new EventSource(live.dataset.stream);
  source.addEventListener("board", (event) => {
    const board = JSON.parse(event.data);
    document.querySelectorAll("[data-live]").forEach((el) => {
      el.textContent = show(board[el.dataset.live], el.dataset.kind);
    });
    document.querySelectorAll("[data-live-rows]").forEach((body) => rows(body, board[body.dataset.liveRows]));
    document.querySelectorAll("[data-live-chart]").forEach((svg) => chart(svg, board[svg.dataset.liveChart]));
    const [year, month, day] = board.day.split("-");
    status.textContent = `trực tiếp: ${day}/${month}/${year}, cập nhật ${new Date().toLocaleTimeString("vi-VN", { timeZone: "Asia/Ho_Chi_Minh" })}`;  // Vietnam time, as the server writes it
    live.dataset.updated = String(Date.now());
  });
  source.addEventListener("error", () => { status.textContent = "mất kết nối, đang thử lại…"; });
})();
