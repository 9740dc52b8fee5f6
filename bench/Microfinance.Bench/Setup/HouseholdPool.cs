namespace Microfinance.Bench.Setup;

/// <summary>
/// One worker's households: it lends to the current one until its cap has no room for the next
/// amount, then moves on. No two workers share a household, so cap refusals never happen.
/// </summary>
public sealed class HouseholdPool(HouseholdRegistrar registrar)
{
    private readonly List<BenchHousehold> _households = [];
    private int _current;

    /// <summary>Households this pool had to register while taking (rather than beforehand).</summary>
    public int RegisteredOnDemand { get; private set; }

    public int Count => _households.Count;

    public void Add(BenchHousehold household) => _households.Add(household);

    /// <summary>A household with room for <paramref name="amountFen"/>, which the room is taken from.</summary>
    public async Task<BenchHousehold> TakeAsync(long amountFen)
    {
        while (_current < _households.Count && _households[_current].RoomFen < amountFen)
        {
            _current++;
        }

        if (_current == _households.Count)
        {
            _households.Add(await registrar.RegisterAsync());
            RegisteredOnDemand++;
        }

        var household = _households[_current];
        household.RoomFen -= amountFen;
        return household;
    }

    /// <summary>
    /// Registers <paramref name="count"/> households, 64 at a time, and deals them round-robin to
    /// <paramref name="pools"/>, so each worker's households lie in different villages and counties.
    /// </summary>
    public static async Task FillAsync(HouseholdRegistrar registrar, HouseholdPool[] pools, int count, CancellationToken ct)
    {
        var registered = new BenchHousehold[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = 64, CancellationToken = ct },
            async (index, _) => registered[index] = await registrar.RegisterAsync());
        for (var i = 0; i < count; i++)
        {
            pools[i % pools.Length].Add(registered[i]);
        }
    }

    /// <summary>Starts counting on-demand registrations afresh (between phases).</summary>
    public void ResetCounters() => RegisteredOnDemand = 0;
}
