# PatientForum in a container: built with the .NET SDK, run on the ASP.NET Core runtime as a non-root user.
# See docs/operations.md for the settings, the data volume and the health check.
#
#   docker build -t patientforum .
#   docker run -d --name patientforum -p 127.0.0.1:8080:8080 -v patientforum-data:/data \
#     -e Forum__PublicUrl=https://forum.example.org -e Forum__Proxy__KnownProxies__0=172.17.0.1 patientforum

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files alone, so the layer is reused until a package changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/PatientForum.Web/PatientForum.Web.csproj src/PatientForum.Web/
RUN dotnet restore src/PatientForum.Web/PatientForum.Web.csproj

COPY seed/ seed/
COPY src/ src/
RUN dotnet publish src/PatientForum.Web/PatientForum.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime

# curl answers the HEALTHCHECK below; the runtime image has no HTTP client of its own.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /app ./

# The SQLite database, the mail pickup folder and members' data exports live in /data, a volume that outlives the
# container. The image's own non-root user (app) owns it.
RUN mkdir -p /data && chown app:app /data
VOLUME /data

ENV ASPNETCORE_HTTP_PORTS=8080 \
    Forum__DataDirectory=/data \
    DOTNET_NOLOGO=1
EXPOSE 8080
USER app

# Liveness only: a stuck mail server or a Redis outage should not get the container restarted. Orchestrators that
# route traffic should use /healthz/ready for that (docs/operations.md).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error http://localhost:8080/healthz || exit 1

ENTRYPOINT ["dotnet", "PatientForum.Web.dll"]
