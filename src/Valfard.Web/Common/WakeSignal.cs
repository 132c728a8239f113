namespace Valfard.Web.Common;

/// <summary>
/// Wakes a background worker when there is new work (a queued mail, a queued import run), so it starts at once
/// instead of at its next poll. Several wake-ups before the worker looks count as one. Each worker has its own
/// subclass, so the container hands every worker its own signal.
/// </summary>
public abstract class WakeSignal : IDisposable
{
    private readonly SemaphoreSlim _queued = new(0, 1);

    public void Wake()
    {
        if (_queued.CurrentCount == 0)
        {
            try
            {
                _queued.Release();
            }
            catch (SemaphoreFullException)
            {
                // Woken a moment ago by another request: one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _queued.WaitAsync(timeout, cancellationToken);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _queued.Dispose();
        }
    }
}
