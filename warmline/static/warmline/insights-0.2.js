// Insights charts from the page's JSON (json_script), drawn with the vendored Chart.js.
window.addEventListener("DOMContentLoaded", () => {
  const data = JSON.parse(document.getElementById("insights-data").textContent);
  const warm = ["#c2410c", "#0369a1", "#15803d", "#a16207", "#6b7280"];
  const common = { responsive: true, maintainAspectRatio: false, animation: false };
  new Chart(document.getElementById("chart-funnel"), {
    type: "bar",
    data: { labels: data.funnel.steps.map((s) => s[0]),
            datasets: [{ data: data.funnel.steps.map((s) => s[1]), backgroundColor: warm[0] }] },
    options: { ...common, indexAxis: "y", plugins: { legend: { display: false } } },
  });
  const w = data.weekly;
  new Chart(document.getElementById("chart-weekly"), {
    type: "bar",
    data: { labels: w.labels, datasets: [
      { label: w.titles.calls_made, data: w.calls_made, backgroundColor: warm[1] },
      { label: w.titles.meetings_held, data: w.meetings_held, backgroundColor: warm[0] },
      { label: w.titles.names_gathered, data: w.names_gathered, backgroundColor: warm[2] },
      { type: "line", label: "Goal: calls", data: w.labels.map(() => w.goals.calls_made), borderColor: warm[1], borderDash: [4, 4], pointRadius: 0 },
      { type: "line", label: "Goal: meetings", data: w.labels.map(() => w.goals.meetings_held), borderColor: warm[0], borderDash: [4, 4], pointRadius: 0 },
    ] },
    options: common,
  });
  const g = { ...data.growth };
  if (g.labels.length === 1) {
    // Everyone joined in one week: start the line from nothing the week before.
    const before = new Date(g.labels[0] + "T00:00:00Z");
    before.setUTCDate(before.getUTCDate() - 7);
    g.labels = [before.toISOString().slice(0, 10), ...g.labels];
    g.series = Object.fromEntries(Object.entries(g.series).map(([k, v]) => [k, [0, ...v]]));
  }
  const names = { 1: "Degree 1", 2: "Degree 2", 3: "Degree 3", 4: "Degree 4+", none: "Not connected" };
  new Chart(document.getElementById("chart-growth"), {
    type: "line",
    data: { labels: g.labels, datasets: Object.keys(names).map((k, i) => ({
      // Each band fills down to the one below it, so stacked areas do not overlap.
      label: names[k], data: g.series[k], fill: i === 0 ? "origin" : "-1", backgroundColor: warm[i] + "55", borderColor: warm[i], pointRadius: 0 })) },
    options: { ...common, scales: { y: { stacked: true, beginAtZero: true } } },
  });
  document.body.dataset.chartsReady = "1";
});
