#include "KeyStore.h"

#include <qt6keychain/keychain.h>

namespace geo {

using namespace Qt::StringLiterals;

// Jobs have no parent: the keychain's backend (libsecret) calls its job back after an answer
// even when nobody waits for it any more, so a job deleted with a closed window would be
// called after its death. A job deletes itself once finished (autoDelete); the connection
// to context ends with context, so done is never called on a dead receiver.

namespace {

QByteArray environmentKey(const QString &name)
{
    return qgetenv(name.toLocal8Bit().constData()).trimmed();
}

} // namespace

void KeyStore::locate(const QString &name, QObject *context, std::function<void(Source)> done)
{
    // Decided here, not from lookup's result: a key found in the environment must say so.
    const bool inEnvironment = !environmentKey(name).isEmpty();
    lookup(name, context, [done, inEnvironment](const Result<QByteArray> &key) {
        done(inEnvironment ? Source::Environment : key ? Source::Keychain : Source::Missing);
    });
}

void KeyStore::lookup(const QString &name, QObject *context, std::function<void(Result<QByteArray>)> done)
{
    const QByteArray fromEnvironment = environmentKey(name);
    if (!fromEnvironment.isEmpty()) {
        QMetaObject::invokeMethod(
            context, [done, fromEnvironment] { done(fromEnvironment); }, Qt::QueuedConnection);
        return;
    }
    auto *job = new QKeychain::ReadPasswordJob(QString::fromLatin1(Service)); // see the note above
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, context, [name, done](QKeychain::Job *finished) {
        const auto *read = static_cast<QKeychain::ReadPasswordJob *>(finished);
        const QByteArray key = read->binaryData().trimmed();
        if (read->error() == QKeychain::NoError && !key.isEmpty()) {
            done(key);
            return;
        }
        const QString why = read->error() == QKeychain::EntryNotFound
            ? u"the keychain has no key under that name"_s
            : u"the keychain could not be read: %1"_s.arg(read->errorString());
        done(Error{u"%1 is not set and %2; export %1=... before starting, or save the key under that name in the "
                   "app's API keys settings"_s.arg(name, why)});
    });
    job->start();
}

void KeyStore::save(const QString &name, const QByteArray &key, QObject *context, std::function<void(Status)> done)
{
    auto *job = new QKeychain::WritePasswordJob(QString::fromLatin1(Service)); // see the note above
    job->setKey(name);
    job->setBinaryData(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError
                 ? ok()
                 : Status(Error{u"the keychain did not take the key: %1"_s.arg(finished->errorString())}));
    });
    job->start();
}

void KeyStore::remove(const QString &name, QObject *context, std::function<void(Status)> done)
{
    auto *job = new QKeychain::DeletePasswordJob(QString::fromLatin1(Service)); // see the note above
    job->setKey(name);
    QObject::connect(job, &QKeychain::Job::finished, context, [done](QKeychain::Job *finished) {
        done(finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound
                 ? ok()
                 : Status(Error{u"the keychain did not remove the key: %1"_s.arg(finished->errorString())}));
    });
    job->start();
}

} // namespace geo
