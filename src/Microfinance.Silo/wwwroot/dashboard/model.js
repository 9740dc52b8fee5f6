// The dashboards as the page holds them: a snapshot with every delta since applied on top.
// Messages are the watch's responses in the API's JSON form (int64 values arrive as strings).

const CLAIMS_IN_PROGRESS = new Set(["CLAIM_STATUS_FILED", "CLAIM_STATUS_UNDER_NOTICE", "CLAIM_STATUS_VERIFIED", "CLAIM_STATUS_APPROVING"]);

class CountyModel {
  constructor() {
    this.name = "";
    this.countyCode = "";
    this.revision = 0;
    this.lastClosed = "";
    this.lendingStopped = false;
    this.quotas = new Map();
    this.funds = new Map();
    this.tallies = new Map();
    this.claims = new Map();
    this.season = new Map();
    this.figures = [];
  }

  /** Applies one message of the county's watch; returns whether anything changed. */
  apply(message) {
    if (message.snapshot) {
      const snapshot = message.snapshot;
      Object.assign(this, new CountyModel());
      this.name = snapshot.name;
      this.countyCode = snapshot.countyCode;
      this.revision = Number(snapshot.revision);
      this.lastClosed = snapshot.lastClosedDate;
      this.lendingStopped = snapshot.lendingStopped;
      snapshot.quotas.forEach(quota => this.quotas.set(quota.regionCode, quota));
      snapshot.funds.forEach(fund => this.funds.set(fund.bankCode, fund));
      snapshot.tallies.forEach(tally => this.tallies.set(CountyModel.tallyKey(tally), tally.tally));
      snapshot.claims.forEach(claim => this.claims.set(claim.loanId, claim));
      snapshot.season.forEach(day => this.season.set(day.date, day));
      this.figures = snapshot.figures;
      return true;
    }
    const delta = message.delta;
    if (!delta) {
      return false;
    }
    this.revision = Number(delta.revision);
    if (delta.quotaUse) delta.quotaUse.regions.forEach(quota => this.quotas.set(quota.regionCode, quota));
    if (delta.fund) this.funds.set(delta.fund.bankCode, delta.fund);
    if (delta.tally) this.tallies.set(CountyModel.tallyKey(delta.tally), delta.tally.tally);
    if (delta.claim) {
      if (CLAIMS_IN_PROGRESS.has(delta.claim.status)) this.claims.set(delta.claim.loanId, delta.claim);
      else this.claims.delete(delta.claim.loanId);
    }
    if (delta.lendingDay) this.season.set(delta.lendingDay.date, delta.lendingDay);
    if (delta.lendingStop) this.lendingStopped = delta.lendingStop.lendingStopped;
    if (delta.businessDay) this.lastClosed = delta.businessDay.lastClosedDate;
    if (delta.figures) this.figures = delta.figures.figures;
    return true;
  }

  static tallyKey(scoped) { return `${scoped.scope}:${scoped.tally.scopeCode}`; }

  get countyTally() { return this.tallies.get(`TALLY_SCOPE_COUNTY:${this.countyCode}`); }

  get countyQuota() { return this.quotas.get(this.countyCode); }

  get countyFigures() { return this.figures.find(figures => figures.scope === "TALLY_SCOPE_COUNTY"); }

  /** Regions one level under the county (townships) or under a township (villages), in code order. */
  regionsAt(level) {
    const short = { township: 9, village: 12 }[level];
    return [...this.quotas.values()]
      .filter(quota => quota.regionCode !== this.countyCode && CountyModel.shortLength(quota.regionCode) === short)
      .sort((a, b) => a.regionCode.localeCompare(b.regionCode));
  }

  static shortLength(code) {
    if (code.endsWith("000000")) return code.endsWith("0000000000") ? 2 : 6;
    return code.endsWith("000") ? 9 : 12;
  }
}

class ProvinceModel {
  constructor() {
    this.name = "";
    this.revision = 0;
    this.counties = new Map();
  }

  apply(message) {
    if (message.snapshot) {
      this.name = message.snapshot.name;
      this.revision = Number(message.snapshot.revision);
      this.counties = new Map(message.snapshot.counties.map(county => [county.countyCode, county]));
      return true;
    }
    if (message.delta) {
      this.revision = Number(message.delta.revision);
      this.counties.set(message.delta.standing.countyCode, message.delta.standing);
      return true;
    }
    return false;
  }

  /** Each bank summed over the counties it lends in. */
  get banks() {
    const banks = new Map();
    for (const county of this.counties.values()) {
      for (const bank of county.banks) {
        const sum = banks.get(bank.bankCode) ?? { bankCode: bank.bankCode, bankName: bank.bankName, disbursed: 0, loans: 0, outstanding: 0, overdue: 0, nonPerforming: 0, borrowing: 0 };
        sum.disbursed += Number(bank.disbursedFen);
        sum.loans += bank.loansDisbursed;
        sum.outstanding += Number(bank.outstandingFen);
        sum.overdue += Number(bank.overdueFen);
        sum.nonPerforming += Number(bank.nonPerformingFen);
        sum.borrowing += bank.householdsBorrowing;
        banks.set(bank.bankCode, sum);
      }
    }
    return [...banks.values()];
  }
}
