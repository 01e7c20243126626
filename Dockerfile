# syntax=docker/dockerfile:1
# The CiExercise server as an image: the consoles built with Node.js, the server published with the .NET SDK, run on
# the ASP.NET Core runtime as the image's non-root user. The .NET images are Microsoft's (dotnet/sdk, dotnet/aspnet):
# name the registry that serves them, `docker build --build-arg REGISTRY=<registry host> -t ciexercise .`
# (the compose files pass CIEX_REGISTRY). Settings are environment variables (Storage__Provider, Cluster__Enabled...),
# see docs/operations.md; tests/CiExercise.Server.Tests/Operations/ContainerImageTests runs ENTRYPOINT with this ENV.
ARG REGISTRY

FROM node:22-bookworm-slim AS consoles
WORKDIR /src/src/CiExercise.Server/ClientApp
COPY src/CiExercise.Server/ClientApp/package.json src/CiExercise.Server/ClientApp/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/CiExercise.Server/ClientApp/ ./
# Vite writes to ../wwwroot.
RUN npm run build

FROM ${REGISTRY}/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
COPY --from=consoles /src/src/CiExercise.Server/wwwroot src/CiExercise.Server/wwwroot
RUN dotnet publish src/CiExercise.Server -c Release -o /app -p:BuildClientApp=false

FROM ${REGISTRY}/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
COPY scenarios/ scenarios/
# data/ holds the SQLite database of a single node and the first controller's sign-in link: the app user's, a volume.
RUN mkdir data && chown "$APP_UID" data
USER $APP_UID
# Urls, not ASPNETCORE_URLS: appsettings.json names Urls (loopback), and only a plain variable overrides it.
ENV Urls=http://+:8080 \
    Network__AllowRemote=true
# HTTP (API, hub, consoles, /metrics), the silo-to-silo port and the Orleans gateway.
EXPOSE 8080 11111 30000
VOLUME /app/data
# Ready means the database answers, the silo is active and the scheduler runs. No curl in the runtime image: bash alone.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/ready HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "CiExercise.Server.dll"]
