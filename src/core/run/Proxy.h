#pragma once

#include "model/Result.h"

#include <QNetworkProxy>
#include <QString>

namespace geo {

// The proxy engines and sites are reached through. Empty: the system's (the http_proxy,
// https_proxy and no_proxy variables on Linux); "none": a direct connection; otherwise
// http://host:port or socks5://host:port, with an optional user:password@.
Result<QNetworkProxy> parseProxy(const QString &setting);

// Makes the system's proxy the default of every QNetworkAccessManager of the process.
void useSystemProxy();

} // namespace geo
