using Grpc.Core;

namespace Microfinance.Silo.Security;

/// <summary>The caller <see cref="AccessInterceptor"/> admitted, for the service handling the call.</summary>
public static class CallerContext
{
    private const string Key = "microfinance.caller";

    /// <summary>The admitted caller of this call.</summary>
    /// <exception cref="InvalidOperationException">The call did not pass through <see cref="AccessInterceptor"/>.</exception>
    public static Caller Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(Key, out var caller) && caller is Caller admitted
            ? admitted
            : throw new InvalidOperationException($"{context.Method} was not admitted by the access interceptor.");

    internal static void Admit(this ServerCallContext context, Caller caller) => context.UserState[Key] = caller;
}
