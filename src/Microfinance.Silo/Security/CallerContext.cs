using Grpc.Core;

namespace Microfinance.Silo.Security;

/// <summary>
/// What <see cref="AccessInterceptor"/> learnt of a call, for the service handling it and for the
/// audit trail: who is calling and, once admitted, the regions the request touches.
/// </summary>
public static class CallerContext
{
    private const string IdentifiedKey = "microfinance.identified";
    private const string AdmittedKey = "microfinance.caller";
    private const string TouchedKey = "microfinance.touched";

    /// <summary>The admitted caller of this call.</summary>
    /// <exception cref="InvalidOperationException">The call did not pass through <see cref="AccessInterceptor"/>.</exception>
    public static Caller Caller(this ServerCallContext context) =>
        context.UserState.TryGetValue(AdmittedKey, out var caller) && caller is Caller admitted
            ? admitted
            : throw new InvalidOperationException($"{context.Method} was not admitted by the access interceptor.");

    /// <summary>The caller its token names, admitted or not; null when the call had no valid token.</summary>
    public static Caller? IdentifiedCaller(this ServerCallContext context) =>
        context.UserState.TryGetValue(IdentifiedKey, out var caller) ? caller as Caller : null;

    /// <summary>The regions an admitted request touches; null when it was refused before they were known.</summary>
    public static IReadOnlyList<AccessTarget>? TouchedRegions(this ServerCallContext context) =>
        context.UserState.TryGetValue(TouchedKey, out var touched) ? touched as IReadOnlyList<AccessTarget> : null;

    internal static void Identify(this ServerCallContext context, Caller caller) => context.UserState[IdentifiedKey] = caller;

    internal static void Admit(this ServerCallContext context, Caller caller, IReadOnlyList<AccessTarget> touched)
    {
        context.UserState[AdmittedKey] = caller;
        context.UserState[TouchedKey] = touched;
    }
}
