#include "Proxy.h"

#include <QNetworkProxyFactory>
#include <QUrl>

namespace geo {

using namespace Qt::StringLiterals;

Result<QNetworkProxy> parseProxy(const QString &setting)
{
    const QString text = setting.trimmed();
    if (text.isEmpty())
        return QNetworkProxy(QNetworkProxy::DefaultProxy);
    if (text.compare(u"none"_s, Qt::CaseInsensitive) == 0)
        return QNetworkProxy(QNetworkProxy::NoProxy);
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    const QNetworkProxy::ProxyType type = scheme == u"http"_s ? QNetworkProxy::HttpProxy
        : scheme == u"socks5"_s                               ? QNetworkProxy::Socks5Proxy
                                                              : QNetworkProxy::DefaultProxy;
    if (!url.isValid() || type == QNetworkProxy::DefaultProxy || url.host().isEmpty() || url.port() <= 0)
        return Error{
            u"the proxy \"%1\" is not one; write it like http://proxy.example:3128 or socks5://127.0.0.1:1080, "
            "or \"none\" for a direct connection"_s.arg(text)};
    return QNetworkProxy(type, url.host(), quint16(url.port()), url.userName(), url.password());
}

void useSystemProxy()
{
    QNetworkProxyFactory::setUseSystemConfiguration(true);
}

} // namespace geo
