using Microfinance.Grains.Households;

namespace Microfinance.Silo.Hosting;

/// <summary>
/// Makes the silo read the resident-id pepper as it starts: a database that lacks it stops the
/// start with a clear message, rather than failing the first registration of a household.
/// </summary>
internal sealed class ResidentIdKeyAtStartup(IServiceProvider services) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(ResidentIdKeyAtStartup), ServiceLifecycleStage.RuntimeInitialize, _ =>
        {
            services.GetRequiredService<IResidentIdKey>();
            return Task.CompletedTask;
        });
}
