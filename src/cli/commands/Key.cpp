// key: API keys in the OS keychain, so that specs name keys and never hold them.
#include "Commands.h"
#include "Console.h"
#include "engines/KeyStore.h"

#include <QFile>

#include <cstdio>
#include <optional>

using namespace Qt::StringLiterals;

namespace geo::cli {

namespace {

int key(const Invocation &in)
{
    const QString action = in.argument(u"ACTION"_s);
    const QString name = in.argument(u"NAME"_s);
    std::optional<Status> done;
    QObject context;
    if (action == u"set"_s) {
        QFile input;
        input.open(stdin, QIODevice::ReadOnly);
        const QByteArray value = input.readAll().trimmed();
        if (value.isEmpty()) {
            say(u"no key on standard input; pipe it in, e.g. geoaudit-cli key set %1 < key.txt"_s.arg(name));
            return BadInput;
        }
        KeyStore::save(name, value, &context, [&](const Status &s) { done = s; });
    } else {
        KeyStore::remove(name, &context, [&](const Status &s) { done = s; });
    }
    waitUntil([&] { return bool(done); });
    if (!*done) {
        say(done->error());
        return BadInput;
    }
    say(action == u"set"_s ? u"saved the key for %1 in the keychain"_s.arg(name)
                           : u"deleted the key for %1"_s.arg(name));
    return Success;
}

} // namespace

Command keyCommand()
{
    return {.name = u"key"_s,
            .arguments = {{.name = u"ACTION"_s, .choices = {u"set"_s, u"delete"_s}}, {.name = u"NAME"_s}},
            .help = u"Saves the API key read from standard input in the system keychain under NAME (the api_key_env "
                    "of an engine in the spec), or deletes it. A key in the environment variable of that name wins "
                    "over the keychain."_s,
            .run = key};
}

} // namespace geo::cli
