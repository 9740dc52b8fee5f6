// The county and province dashboards: signs in with a token (kept by the server in an HttpOnly
// cookie), follows the watch as server-sent events and redraws as the figures change.

const $ = id => document.getElementById(id);
const yuan = fen => `¥${(Number(fen) / 100).toLocaleString(I18n.language === "zh" ? "zh-CN" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const percent = bp => `${(Number(bp) / 100).toFixed(2)}%`;
const ratio = (part, whole) => (Number(whole) > 0 ? Math.round((Number(part) * 10000) / Number(whole)) : 0);

const charts = {};
let session = null;
let watch = null;
let model = null;
let redrawQueued = false;

function chart(id) {
  charts[id] ??= echarts.init($(id));
  return charts[id];
}

function show(sectionId) {
  for (const id of ["sign-in", "county", "province"]) $(id).hidden = id !== sectionId;
}

async function loadSession() {
  const response = await fetch("/dashboard/api/session", { credentials: "same-origin" });
  session = response.ok ? await response.json() : null;
  $("who").textContent = session ? `${session.subject} · ${session.role}` : "";
  $("sign-out").hidden = !session;
}

async function signIn(event) {
  event.preventDefault();
  const token = $("token").value.trim();
  const response = await fetch("/dashboard/api/session", { method: "POST", headers: { Authorization: `Bearer ${token}` }, credentials: "same-origin" });
  $("sign-in-error").hidden = response.ok;
  if (response.ok) {
    $("token").value = "";
    await loadSession();
    route();
  }
}

async function signOut() {
  await fetch("/dashboard/api/session", { method: "DELETE", credentials: "same-origin" });
  session = null;
  location.hash = "";
  await loadSession();
  route();
}

/** The page to open: the hash if it names one, else the caller's own county or province. */
function target() {
  const [kind, code] = location.hash.slice(1).split("/");
  if ((kind === "county" || kind === "province") && /^\d{12}$/.test(code ?? "")) return { kind, code };
  const area = session?.areas?.[0];
  if (!area) return null;
  if (session.role === "county-officer") return { kind: "county", code: area };
  return { kind: "province", code: `${area.slice(0, 2)}0000000000` };
}

function route() {
  watch?.close();
  watch = null;
  if (session?.role === "operator") {
    // Operators have no county or province: theirs is the Orleans dashboard.
    location.href = "/orleans/";
    return;
  }
  const page = session && target();
  if (!page) {
    show("sign-in");
    return;
  }
  model = page.kind === "county" ? new CountyModel() : new ProvinceModel();
  show(page.kind);
  const live = $(`${page.kind}-live`);
  watch = new EventSource(`/dashboard/api/${page.kind === "county" ? "counties" : "provinces"}/${page.code}/watch`);
  watch.onopen = () => { live.className = "live on"; live.textContent = I18n.t("live.on"); };
  watch.onerror = () => {
    live.className = "live off";
    live.textContent = I18n.t("live.off");
    // A refused watch (signed out, or not this caller's county) is not retried by the browser.
    if (watch.readyState === EventSource.CLOSED) loadSession().then(() => { if (!session) route(); });
  };
  watch.onmessage = event => {
    if (model.apply(JSON.parse(event.data))) queueRedraw();
  };
}

function queueRedraw() {
  if (redrawQueued) return;
  redrawQueued = true;
  requestAnimationFrame(() => {
    redrawQueued = false;
    if (model instanceof CountyModel) drawCounty(model);
    else if (model instanceof ProvinceModel) drawProvince(model);
    document.body.dataset.revision = String(model.revision);
  });
}

function drawCounty(county) {
  $("county-name").textContent = county.name;
  $("county-day").textContent = county.lastClosed ? `${I18n.t("county.lastClosed")} ${county.lastClosed}` : "";
  $("county-stop").hidden = !county.lendingStopped;
  const quota = county.countyQuota;
  const tally = county.countyTally;
  $("kpi-allocated").textContent = quota ? yuan(quota.allocatedFen) : "—";
  $("kpi-used").textContent = quota ? yuan(quota.usedFen) : "—";
  $("kpi-progress").textContent = quota ? percent(quota.useBp) : "";
  $("kpi-outstanding").textContent = yuan(tally?.outstandingFen ?? 0);
  $("kpi-overdue").textContent = percent(tally?.overdueRatioBp ?? 0);
  $("kpi-npl").textContent = percent(tally?.nplRatioBp ?? 0);
  $("kpi-claims").textContent = String(county.claims.size);
  const figures = county.countyFigures;
  $("kpi-repayment").textContent = figures ? percent(figures.repaymentRateBp) : "—";
  $("kpi-borrowing").textContent = figures ? percent(figures.borrowingRateBp) : "—";
  $("kpi-households").textContent = figures ? `${figures.householdsBorrowing} / ${figures.eligibleHouseholds} ${I18n.t("county.households")}` : "";

  let cumulative = 0;
  const season = [...county.season.values()].sort((a, b) => a.date.localeCompare(b.date))
    .map(day => [day.date, (cumulative += Number(day.disbursedFen)) / 100]);
  // The season runs through the year; the chart spans January to June (by when the year's loans
  // should be out), or further once lending goes on past it.
  const year = (season[0]?.[0] ?? county.lastClosed ?? "").slice(0, 4) || String(new Date().getFullYear());
  const lastDay = season.length > 0 ? season[season.length - 1][0] : "";
  chart("chart-season").setOption({
    tooltip: { trigger: "axis" },
    xAxis: { type: "time", min: `${year}-01-01`, max: lastDay > `${year}-06-30` ? lastDay : `${year}-06-30`, minInterval: 86400000 },
    yAxis: { type: "value", name: "¥" },
    series: [{
      name: I18n.t("series.disbursed"), type: "line", step: "end", data: season, areaStyle: { opacity: 0.15 },
      markLine: quota ? { symbol: "none", data: [{ yAxis: Number(quota.allocatedFen) / 100, name: I18n.t("series.quota") }] } : undefined,
    }],
  }, true);

  const townships = county.regionsAt("township");
  chart("chart-townships").setOption({
    tooltip: { trigger: "axis" },
    legend: { top: 0 },
    grid: { left: 90, top: 30 },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: townships.map(t => t.name) },
    series: [
      { name: I18n.t("series.used"), type: "bar", stack: "use", data: townships.map(t => Number(t.usedFen) / 100) },
      { name: I18n.t("series.reserved"), type: "bar", stack: "use", data: townships.map(t => Number(t.reservedFen) / 100) },
      { name: I18n.t("series.allocated"), type: "scatter", symbol: "diamond", data: townships.map(t => Number(t.allocatedFen) / 100) },
    ],
  }, true);

  const funds = [...county.funds.values()];
  chart("chart-funds").setOption({
    series: funds.map((fund, i) => ({
      type: "gauge",
      center: [`${((i + 0.5) * 100) / Math.max(funds.length, 1)}%`, "58%"],
      radius: `${Math.min(80, 160 / Math.max(funds.length, 1))}%`,
      min: 0,
      max: 100,
      progress: { show: true },
      detail: { formatter: "{value}%", fontSize: 16 },
      title: { offsetCenter: [0, "80%"], fontSize: 12 },
      data: [{ value: Number(fund.leverageUsedBp) / 100, name: `${fund.bankName}\n${I18n.t("col.headroom")} ${yuan(fund.headroomFen)}` }],
    })),
  }, true);

  const buckets = tally?.buckets ?? [];
  chart("chart-buckets").setOption({
    tooltip: {},
    xAxis: { type: "category", axisLabel: { interval: 0 }, data: buckets.map(b => I18n.t(`bucket.${b.bucket.replace("OVERDUE_BUCKET_", "")}`)) },
    yAxis: { type: "value", name: "¥" },
    series: [{ type: "bar", data: buckets.map(b => Number(b.principalFen) / 100) }],
  }, true);

  table($("villages"), ["col.village", "col.allocated", "col.reserved", "col.used", "col.use"],
    county.regionsAt("village").map(v => [`${v.name} (${v.regionCode})`, yuan(v.allocatedFen), yuan(v.reservedFen), yuan(v.usedFen), percent(v.useBp)]));
  table($("claims"), ["col.loan", "col.bank", "col.status", "col.loss", "col.paid"],
    [...county.claims.values()].map(c => [c.loanId, c.bankCode, I18n.t(`status.${c.status}`), yuan(c.lossFen), yuan(c.paidFromFundFen)]));
}

const rankings = { counties: "progress", banks: "disbursed" };

function drawProvince(province) {
  $("province-name").textContent = province.name;
  const counties = [...province.counties.values()].map(c => ({
    link: `<a href="#county/${c.countyCode}">${escapeHtml(c.name)}</a>`,
    progress: c.progressBp, disbursed: Number(c.disbursedFen), loans: c.loansDisbursed,
    outstanding: Number(c.outstandingFen), overdue: c.overdueRatioBp, npl: c.nplRatioBp,
    borrowingRate: c.borrowingRateBp, repaymentRate: c.repaymentRateBp,
  }));
  ranked($("county-ranking"), "counties", counties, [
    ["col.county", "link", null], ["col.progress", "progress", percent], ["col.disbursed", "disbursed", yuan], ["col.loans", "loans", String],
    ["col.outstanding", "outstanding", yuan], ["col.overdueRatio", "overdue", percent], ["col.nplRatio", "npl", percent],
    ["col.borrowingRate", "borrowingRate", percent], ["col.repaymentRate", "repaymentRate", percent],
  ]);
  const banks = province.banks.map(b => ({
    link: escapeHtml(b.bankName), disbursed: b.disbursed, loans: b.loans, outstanding: b.outstanding,
    overdue: ratio(b.overdue, b.outstanding), npl: ratio(b.nonPerforming, b.outstanding), borrowing: b.borrowing,
  }));
  ranked($("bank-ranking"), "banks", banks, [
    ["col.bank", "link", null], ["col.disbursed", "disbursed", yuan], ["col.loans", "loans", String],
    ["col.outstanding", "outstanding", yuan], ["col.overdueRatio", "overdue", percent], ["col.nplRatio", "npl", percent],
    ["col.borrowing", "borrowing", String],
  ]);
}

/** A ranking table: rows ordered by the chosen column (ratios of bad loans rank the lowest first), numbered. */
function ranked(element, name, rows, columns) {
  const by = rankings[name];
  const ascending = by === "overdue" || by === "npl";
  rows.sort((a, b) => (ascending ? a[by] - b[by] : b[by] - a[by]));
  const head = `<tr><th>${I18n.t("col.rank")}</th>${columns.map(([label, key]) =>
    `<th class="${key === "link" ? "text" : "sortable"}${key === by ? " sorted" : ""}" data-key="${key}">${I18n.t(label)}</th>`).join("")}</tr>`;
  const body = rows.map((row, i) => `<tr><td>${i + 1}</td>${columns.map(([, key, format]) =>
    `<td class="${key === "link" ? "text" : ""}">${format ? format(row[key]) : row[key]}</td>`).join("")}</tr>`).join("");
  element.innerHTML = head + body;
  element.querySelectorAll("th.sortable").forEach(th => th.onclick = () => { rankings[name] = th.dataset.key; queueRedraw(); });
}

function table(element, labels, rows) {
  element.innerHTML = `<tr>${labels.map((label, i) => `<th class="${i === 0 ? "text" : ""}">${I18n.t(label)}</th>`).join("")}</tr>`
    + (rows.length === 0 ? `<tr><td colspan="${labels.length}">${I18n.t("none")}</td></tr>`
      : rows.map(cells => `<tr>${cells.map(cell => `<td>${escapeHtml(cell)}</td>`).join("")}</tr>`).join(""));
}

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
}

function relabel() {
  I18n.apply();
  $("language").textContent = I18n.t("language");
  if (model) queueRedraw();
}

window.addEventListener("resize", () => Object.values(charts).forEach(c => c.resize()));
window.addEventListener("hashchange", route);
$("language").onclick = () => { I18n.toggle(); relabel(); };
$("sign-out").onclick = signOut;
$("sign-in-form").onsubmit = signIn;
relabel();
loadSession().then(route);
