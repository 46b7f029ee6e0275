#pragma once

#include "model/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace geo {

// API keys, by the name of the environment variable a spec gives (api_key_env): the
// environment first, then the OS keychain through QtKeychain (service "geoaudit").
// Keys live only there and in memory; they are never written to the database or logs.
class KeyStore final
{
public:
    static constexpr char Service[] = "geoaudit";

    enum class Source { Environment, Keychain, Missing };

    // Calls done with the key, or an error that says how to provide one, on context's thread.
    static void lookup(const QString &name, QObject *context, std::function<void(Result<QByteArray>)> done);
    // Where lookup would find the key, so a view can say so without ever holding the key.
    static void locate(const QString &name, QObject *context, std::function<void(Source)> done);
    static void save(const QString &name, const QByteArray &key, QObject *context, std::function<void(Status)> done);
    static void remove(const QString &name, QObject *context, std::function<void(Status)> done);
};

} // namespace geo
