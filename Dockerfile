# The silo and the operators' CLI in one image: the Helm chart runs the silo, and the CLI's
# `migrate` in the Job before each install and upgrade.
#   docker build -t orleans-microfinance .
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Microfinance.Silo -c Release -o /app/silo --nologo \
 && dotnet publish src/Microfinance.Cli -c Release -o /app/cli --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app /app
# The silo binds its own ports (Microfinance:GrpcPort, :WebPort, :SiloPort, :GatewayPort); the
# image's default HTTP port would only add a warning.
ENV ASPNETCORE_HTTP_PORTS=
EXPOSE 5080 5081 11111 30000
# The image's unprivileged user: the silo needs no root, and the database grants come from migrate.
USER $APP_UID
ENTRYPOINT ["dotnet", "/app/silo/Microfinance.Silo.dll"]
