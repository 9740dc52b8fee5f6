using Microfinance.Domain.Errors;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Storage;

namespace Microfinance.Abstractions.Serialization;

/// <summary>Serialization choices every silo and client of the platform shares.</summary>
public static class MicrofinanceSerialization
{
    /// <summary>
    /// Lets grain calls carry the domain's exceptions: the domain has no Orleans dependency, so
    /// they cannot carry [GenerateSerializer]; Orleans' exception codec serializes them instead
    /// (type, message and <see cref="Exception.Data"/>, where <see cref="DomainException.Reason"/>
    /// lives) once their namespace is allowed.
    /// <para>
    /// Stores grain state in Orleans' binary format rather than the default Newtonsoft JSON with
    /// CLR type names: state and messages carry explicit [Id]s and [Alias]es, so renaming a C#
    /// type or adding a member never breaks rows already written.
    /// </para>
    /// </summary>
    public static IServiceCollection AddMicrofinanceSerialization(this IServiceCollection services)
    {
        services.Configure<ExceptionSerializationOptions>(options =>
            options.SupportedNamespacePrefixes.Add(typeof(DomainException).Namespace!));
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return services;
    }
}
