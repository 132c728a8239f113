# Valfard web application image.
#
#   docker build -t valfard .
#
# The runtime image is Debian 13 "trixie" because the PDF renderer drives the system Chromium, and Debian ships
# Chromium as an ordinary package (/usr/bin/chromium). On Ubuntu, which the default .NET 10 images use, Chromium is
# only a snap and does not work in a container. Microsoft publishes no Debian images for .NET 10 (the 10.0 tags
# are Ubuntu 24.04 "noble", Alpine and Azure Linux), so the runtime stage starts from debian:trixie-slim and copies
# the ASP.NET Core shared runtime out of the official aspnet image. Rebuild the image to pick up .NET and Debian
# security updates.

ARG DOTNET_VERSION=10.0

# ---------------------------------------------------------------------------------------------------------------------
# Build
# ---------------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
WORKDIR /source

# global.json asks for SDK 10.0.401 or a later feature band; the sdk:10.0 tag follows the newest 10.0 SDK.
# Restore first, from the project and lock files only, so the package layer is cached until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Valfard.Domain/Valfard.Domain.csproj src/Valfard.Domain/packages.lock.json src/Valfard.Domain/
COPY src/Valfard.Infrastructure/Valfard.Infrastructure.csproj src/Valfard.Infrastructure/packages.lock.json src/Valfard.Infrastructure/
COPY src/Valfard.Migrations.Sqlite/Valfard.Migrations.Sqlite.csproj src/Valfard.Migrations.Sqlite/packages.lock.json src/Valfard.Migrations.Sqlite/
COPY src/Valfard.Migrations.SqlServer/Valfard.Migrations.SqlServer.csproj src/Valfard.Migrations.SqlServer/packages.lock.json src/Valfard.Migrations.SqlServer/
COPY src/Valfard.Web/Valfard.Web.csproj src/Valfard.Web/packages.lock.json src/Valfard.Web/
RUN dotnet restore src/Valfard.Web/Valfard.Web.csproj

COPY src/ src/
RUN dotnet publish src/Valfard.Web/Valfard.Web.csproj \
        --configuration Release \
        --no-restore \
        --output /app/publish \
        -p:UseAppHost=false

# ---------------------------------------------------------------------------------------------------------------------
# ASP.NET Core runtime, taken from the official image (see the note at the top)
# ---------------------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION} AS dotnet-runtime

# ---------------------------------------------------------------------------------------------------------------------
# Runtime
# ---------------------------------------------------------------------------------------------------------------------
FROM debian:trixie-slim AS final

ENV APP_UID=1654 \
    DOTNET_ROOT=/usr/share/dotnet \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=true \
    ASPNETCORE_URLS=http://+:8080 \
    Pdf__ChromiumPath=/usr/bin/chromium \
    Valfard__DataDirectory=/app/data

# .NET needs ca-certificates, ICU, OpenSSL and tzdata (the same list as Microsoft's own Debian images).
# chromium and the fonts render the PDF documents; curl is for HEALTHCHECK; sqlite3 lets an operator take an online
# backup of the SQLite database from inside the container.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        ca-certificates \
        libc6 \
        libgcc-s1 \
        libicu76 \
        libssl3t64 \
        libstdc++6 \
        tzdata \
        chromium \
        fonts-dejavu-core \
        fonts-liberation \
        curl \
        sqlite3 \
    && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet-runtime /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Non-root user; the UID matches the "app" user of Microsoft's images.
RUN groupadd --gid=${APP_UID} app \
    && useradd --no-log-init --uid=${APP_UID} --gid=${APP_UID} --create-home --shell /usr/sbin/nologin app \
    && mkdir -p /app/data \
    && chown app:app /app/data

WORKDIR /app
COPY --from=build /app/publish .

USER app

# SQLite database (when SQL Server is not used) and log files.
VOLUME ["/app/data"]

EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://localhost:8080/health || exit 1

ENTRYPOINT ["dotnet", "Valfard.Web.dll"]
