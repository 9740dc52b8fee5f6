namespace Microfinance.Grains.Dashboards;

/// <summary>
/// Holds a dashboard grain's view: read when first asked for, one read at a time, with what the
/// grain hears during the read applied after it, so that nothing heard meanwhile is lost.
/// </summary>
/// <typeparam name="TView">The view.</typeparam>
/// <typeparam name="THeard">What the grain hears that changes the view: an event, a county's standing.</typeparam>
public sealed class ViewKeeper<TView, THeard>(Func<Task<TView>> read, Action<TView, THeard> apply)
    where TView : class
{
    private TView? _view;
    private Task<TView>? _reading;
    private List<THeard> _heardWhileReading = [];

    /// <summary>The view; null when none is held (none read yet, or discarded).</summary>
    public TView? Current => _view;

    /// <summary>The view, read if none is held.</summary>
    public Task<TView> GetAsync() => _view is { } view ? Task.FromResult(view) : _reading ??= ReadAsync();

    /// <summary>Applies what was heard to the view, or keeps it for the view being read; without either, it is not needed.</summary>
    public void Hear(THeard heard)
    {
        if (_view is { } view)
        {
            apply(view, heard);
        }
        else if (_reading is not null)
        {
            _heardWhileReading.Add(heard);
        }
    }

    /// <summary>Drops <paramref name="view"/> if it is the one held: the next ask reads a new one.</summary>
    public void Discard(TView view)
    {
        if (_view == view)
        {
            _view = null;
        }
    }

    private async Task<TView> ReadAsync()
    {
        try
        {
            _heardWhileReading = [];
            var view = await read();
            foreach (var heard in _heardWhileReading)
            {
                apply(view, heard);
            }

            _view = view;
            return view;
        }
        finally
        {
            _heardWhileReading = [];
            _reading = null;
        }
    }
}
