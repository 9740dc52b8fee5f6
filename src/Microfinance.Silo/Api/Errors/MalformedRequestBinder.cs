using System.Reflection;
using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Routing;

namespace Microfinance.Silo.Api.Errors;

/// <summary>
/// Binds every gRPC service as Grpc.AspNetCore's own binder does, but reads each request through a
/// marshaller that answers bytes which are not a valid message of the request type with
/// INVALID_ARGUMENT and one short log line. Grpc.AspNetCore reads a unary request before any
/// interceptor runs, and would answer a parse failure UNKNOWN and log it with its stack trace.
/// </summary>
/// <remarks>It replaces the default <see cref="IServiceMethodProvider{TService}"/>, so it binds health and reflection too.</remarks>
public sealed class MalformedRequestBinder<TService>(ILogger<MalformedRequestBinder<TService>> logger) : IServiceMethodProvider<TService>
    where TService : class
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<TService> context)
    {
        // The generated base class carries the attribute naming its static BindService(ServiceBinderBase, base class).
        var serviceBase = typeof(TService);
        while (serviceBase is not null && serviceBase.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false) is null)
        {
            serviceBase = serviceBase.BaseType;
        }

        var bindAttribute = serviceBase?.GetCustomAttribute<BindServiceMethodAttribute>(inherit: false);
        var bind = bindAttribute?.BindType.GetMethod(
            bindAttribute.BindMethodName, BindingFlags.Public | BindingFlags.Static, [typeof(ServiceBinderBase), serviceBase!]);
        if (bind is not null)
        {
            // The generated BindService only names each method and its marshallers when given no implementation.
            bind.Invoke(null, [new Binder(context, logger), null]);
        }
    }

    private sealed class Binder(ServiceMethodProviderContext<TService> context, ILogger logger) : ServiceBinderBase
    {
        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, UnaryServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Invoker<UnaryServerMethod<TService, TRequest, TResponse>>(method.Name, typeof(TRequest), typeof(ServerCallContext));
            context.AddUnaryMethod(Strict(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ClientStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Invoker<ClientStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(ServerCallContext));
            context.AddClientStreamingMethod(Strict(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, ServerStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Invoker<ServerStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(TRequest), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddServerStreamingMethod(Strict(method), metadata, invoker);
        }

        public override void AddMethod<TRequest, TResponse>(Method<TRequest, TResponse> method, DuplexStreamingServerMethod<TRequest, TResponse>? handler)
        {
            var (invoker, metadata) = Invoker<DuplexStreamingServerMethod<TService, TRequest, TResponse>>(
                method.Name, typeof(IAsyncStreamReader<TRequest>), typeof(IServerStreamWriter<TResponse>), typeof(ServerCallContext));
            context.AddDuplexStreamingMethod(Strict(method), metadata, invoker);
        }

        private Method<TRequest, TResponse> Strict<TRequest, TResponse>(Method<TRequest, TResponse> method)
        {
            var read = method.RequestMarshaller.ContextualDeserializer;
            var requests = Marshallers.Create(method.RequestMarshaller.ContextualSerializer, payload =>
            {
                try
                {
                    return read(payload);
                }
                catch (InvalidProtocolBufferException error)
                {
                    logger.LogInformation("Refused a malformed {Request} to {Method}: {Problem}", typeof(TRequest).Name, method.FullName, error.Message);
                    throw new RpcException(new Grpc.Core.Status(
                        StatusCode.InvalidArgument, $"Invalid request: the body is not a valid {typeof(TRequest).Name} message."));
                }
            });
            return new Method<TRequest, TResponse>(method.Type, method.ServiceName, method.Name, requests, method.ResponseMarshaller);
        }

        // Found as Grpc.AspNetCore finds it: the service's public override of the generated method.
        private static (TDelegate Invoker, List<object> Metadata) Invoker<TDelegate>(string name, params Type[] parameters)
            where TDelegate : Delegate
        {
            var handler = typeof(TService).GetMethod(name, BindingFlags.Public | BindingFlags.Instance, parameters)
                ?? throw new InvalidOperationException($"{typeof(TService)} has no method {name}.");
            List<object> metadata =
            [
                .. typeof(TService).GetCustomAttributes(inherit: true),
                .. handler.GetCustomAttributes(inherit: true),
                new HttpMethodMetadata(["POST"], acceptCorsPreflight: true),
            ];
            return ((TDelegate)Delegate.CreateDelegate(typeof(TDelegate), handler), metadata);
        }
    }
}
