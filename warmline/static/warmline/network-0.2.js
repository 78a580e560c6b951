// The network graph: fetched as JSON, drawn with the vendored Cytoscape.js.
// Labels keep one size on screen at any zoom (a label's size is in graph units, so
// fitting a network into a phone-wide box would shrink it to specks); a narrow box
// starts zoomed in on you, to pan and pinch from.
const LABEL_PX = 11;
const ME_PX = 13;
const NARROW = 600;

window.addEventListener("DOMContentLoaded", async () => {
  const box = document.getElementById("graph");
  const note = document.getElementById("graph-note");
  const data = await (await fetch(box.dataset.source, { credentials: "same-origin" })).json();
  note.textContent = data.limited
    ? `Showing the ${data.shown} closest of ${data.total} people; filter to see others.`
    : `${data.total} ${data.total === 1 ? "person" : "people"}.`;
  const big = data.shown > 250;
  const cy = cytoscape({
    container: box,
    elements: data.elements,
    wheelSensitivity: 0.3,
    maxZoom: 1.5,  // a small network stays readable instead of filling the box
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": LABEL_PX, width: 14, height: 14, "background-color": "#94a3b8", color: "#1e293b", "text-outline-color": "#fff", "text-outline-width": 2 } },
      { selector: "node[kind = 'me']", style: { "background-color": "#c2410c", width: 30, height: 30, "font-size": ME_PX, "font-weight": "bold" } },
      { selector: "node[degree = 1]", style: { "background-color": "#0369a1", width: 20, height: 20 } },
      { selector: "node[?fan]", style: { shape: "star", "background-color": "#d97706", width: 22, height: 22 } },
      { selector: "node[?lead]", style: { "border-width": 3, "border-color": "#15803d", shape: "diamond" } },
      { selector: "edge", style: { width: 1, "line-color": "#cbd5e1", "curve-style": "haystack" } },
    ],
    layout: big
      ? { name: "concentric", concentric: (n) => (n.data("kind") === "me" ? 10 : 10 - (n.data("degree") || 9)), levelWidth: () => 1, animate: false }
      : { name: "cose", animate: false, nodeRepulsion: 8000, idealEdgeLength: 60 },
  });
  const me = cy.nodes("[kind = 'me']");
  if (box.clientWidth < NARROW && cy.zoom() < 1) {
    cy.zoom({ level: 1, position: me.nonempty() ? me.position() : { x: 0, y: 0 } });
    if (me.nonempty()) cy.center(me);
  }
  let pending = false;
  const sizeLabels = () => {
    pending = false;
    const zoom = cy.zoom();
    cy.batch(() => {
      cy.nodes().not(me).style({ "font-size": LABEL_PX / zoom, "text-outline-width": 2 / zoom });
      me.style({ "font-size": ME_PX / zoom, "text-outline-width": 2 / zoom });
    });
    // The size a person's label is drawn at, in screen pixels (a test reads it).
    const someone = cy.nodes().not(me).first();
    if (someone.nonempty()) box.dataset.labelPx = String(Math.round(parseFloat(someone.style("font-size")) * zoom));
  };
  sizeLabels();
  cy.on("zoom", () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(sizeLabels);
    }
  });
  cy.on("tap", "node[url]", (event) => { window.location = event.target.data("url"); });
  box.dataset.nodes = String(cy.nodes().length);
});
