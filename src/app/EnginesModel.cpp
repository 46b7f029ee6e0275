#include "EnginesModel.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

#include <algorithm>

namespace geo {

using namespace Qt::StringLiterals;

namespace {
// What a key's source changes; not an edit of the engine.
const QList<int> KeyRoles{Qt::DisplayRole, Qt::ForegroundRole, Qt::ToolTipRole};
} // namespace

EnginesModel::EnginesModel(QObject *parent) : QAbstractTableModel(parent) { }

void EnginesModel::setEngines(const QList<EngineSpec> &engines)
{
    beginResetModel();
    m_engines = engines;
    m_problems = {};
    endResetModel();
    for (const EngineSpec &e : std::as_const(m_engines))
        locate(e.apiKeyEnv);
}

QModelIndex EnginesModel::append()
{
    EngineSpec e;
    e.kind = u"openai"_s;
    e.model = u"gpt-4o-mini"_s;
    e.apiKeyEnv = u"OPENAI_API_KEY"_s;
    const auto taken = [this](const QString &id) {
        return std::any_of(m_engines.begin(), m_engines.end(),
                           [&id](const EngineSpec &other) { return other.id == id; });
    };
    e.id = u"gpt"_s;
    for (int n = 2; taken(e.id); ++n)
        e.id = u"gpt-%1"_s.arg(n);
    const int row = int(m_engines.size());
    beginInsertRows({}, row, row);
    m_engines.append(e);
    endInsertRows();
    locate(e.apiKeyEnv);
    return index(row, Model);
}

void EnginesModel::setProblems(const QList<CellProblem> &problems)
{
    if (problems.isEmpty() && m_problems.isEmpty())
        return;
    m_problems.set(problems);
    if (!m_engines.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole, Qt::ToolTipRole});
}

void EnginesModel::refreshKeys()
{
    m_sources.clear();
    m_locating.clear();
    for (const EngineSpec &e : std::as_const(m_engines))
        locate(e.apiKeyEnv);
    if (!m_engines.isEmpty())
        emit dataChanged(index(0, ApiKey), index(rowCount() - 1, ApiKey), KeyRoles);
}

int EnginesModel::columnOf(const QString &key)
{
    static const QHash<QString, int> columns{{u"id"_s, Id},
                                             {u"kind"_s, Kind},
                                             {u"model"_s, Model},
                                             {u"base_url"_s, BaseUrl},
                                             {u"api_key_env"_s, ApiKey},
                                             {u"concurrency"_s, Concurrency},
                                             {u"rpm"_s, Rpm},
                                             {u"tpm"_s, Tpm},
                                             {u"timeout_ms"_s, TimeoutMs}};
    return columns.value(key, -1);
}

void EnginesModel::locate(const QString &name)
{
    if (name.isEmpty() || m_sources.contains(name) || m_locating.contains(name))
        return;
    m_locating.insert(name);
    KeyStore::locate(name, this, [this, name](KeyStore::Source source) {
        m_locating.remove(name);
        m_sources.insert(name, source);
        for (int row = 0; row < m_engines.size(); ++row)
            if (m_engines[row].apiKeyEnv == name)
                emit dataChanged(index(row, ApiKey), index(row, ApiKey), KeyRoles);
        emit keysLocated();
    });
}

QStringList EnginesModel::missingKeys() const
{
    QStringList out;
    for (const EngineSpec &e : m_engines)
        if (keyMissing(e))
            out << tr("engine “%1” has no API key: save it with Edit → API keys… (or set %2 before starting GEO "
                      "Audit); for a server that takes no key, clear its API key cell")
                       .arg(e.id, e.apiKeyEnv);
    return out;
}

bool EnginesModel::needsNoKey(const EngineSpec &engine) const
{
    return engine.kind == u"recorded"_s || engine.kind == u"imported"_s;
}

bool EnginesModel::keyMissing(const EngineSpec &engine) const
{
    // Known to be missing: a key still being looked for is not (yet) missing.
    return !needsNoKey(engine) && !engine.apiKeyEnv.isEmpty()
        && m_sources.value(engine.apiKeyEnv, KeyStore::Source::Environment) == KeyStore::Source::Missing;
}

QString EnginesModel::keyText(const EngineSpec &engine) const
{
    if (needsNoKey(engine))
        return tr("not needed");
    if (engine.apiKeyEnv.isEmpty())
        return tr("none sent");
    if (!m_sources.contains(engine.apiKeyEnv))
        return tr("%1 (looking…)").arg(engine.apiKeyEnv);
    switch (m_sources.value(engine.apiKeyEnv)) {
    case KeyStore::Source::Environment:
        return tr("%1 (environment)").arg(engine.apiKeyEnv);
    case KeyStore::Source::Keychain:
        return tr("%1 (keychain)").arg(engine.apiKeyEnv);
    case KeyStore::Source::Missing:
        break;
    }
    return tr("%1 (missing)").arg(engine.apiKeyEnv);
}

QString EnginesModel::keyToolTip(const EngineSpec &engine) const
{
    if (needsNoKey(engine))
        return tr("This engine asks no API, so it needs no key.");
    if (engine.apiKeyEnv.isEmpty())
        return tr("No key is sent, as local servers expect. A vendor's API needs one: type the name of the "
                  "environment variable or keychain entry that holds it.");
    switch (m_sources.value(engine.apiKeyEnv, KeyStore::Source::Missing)) {
    case KeyStore::Source::Environment:
        return tr("Read from the environment variable %1 when the audit starts; never shown or stored with the audit.")
            .arg(engine.apiKeyEnv);
    case KeyStore::Source::Keychain:
        return tr("Read from the system keychain, under %1, when the audit starts; "
                  "never shown or stored with the audit.")
            .arg(engine.apiKeyEnv);
    case KeyStore::Source::Missing:
        break;
    }
    return tr("Neither the environment nor the keychain holds %1. Save the key with API keys…, or export %1=… "
              "before starting GEO Audit.")
        .arg(engine.apiKeyEnv);
}

int EnginesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_engines.size());
}

int EnginesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EnginesModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_engines.size())
        return {};
    if (const QVariant mark = m_problems.data(index.row(), index.column(), role); mark.isValid())
        return mark;
    const EngineSpec &e = m_engines[index.row()];
    const int column = index.column();
    // Empty optional cells say what applies instead, dimmed, and edit as empty.
    const bool defaulted = (column == BaseUrl && !e.baseUrl.isValid())
        || (column == ApiKey && (e.apiKeyEnv.isEmpty() || needsNoKey(e))) || (column == Rpm && e.rpm == 0)
        || (column == Tpm && e.tpm == 0);
    switch (role) {
    case Qt::DisplayRole:
        if (column == BaseUrl && defaulted)
            return needsNoKey(e) ? u"–"_s : tr("the vendor's");
        if (column == ApiKey)
            return keyText(e);
        if ((column == Rpm || column == Tpm) && defaulted)
            return u"–"_s;
        [[fallthrough]];
    case Qt::EditRole:
        switch (column) {
        case Id:
            return e.id;
        case Kind:
            return e.kind;
        case Model:
            return e.model;
        case BaseUrl:
            return e.baseUrl.toString();
        case ApiKey:
            return e.apiKeyEnv;
        case Concurrency:
            return e.concurrency;
        case Rpm:
            return e.rpm;
        case Tpm:
            return e.tpm;
        case TimeoutMs:
            return e.timeoutMs;
        }
        return {};
    case Qt::ForegroundRole:
        if (defaulted)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        if (column == ApiKey && keyMissing(e))
            return QColor(0xc6, 0x28, 0x28);
        return {};
    case Qt::ToolTipRole:
        if ((column == Rpm || column == Tpm) && defaulted)
            return tr("No limit");
        return column == ApiKey ? QVariant(keyToolTip(e))
            : column == BaseUrl ? QVariant(e.baseUrl.toString())
                                : QVariant();
    case Qt::TextAlignmentRole:
        return column >= Concurrency ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    }
    return {};
}

bool EnginesModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_engines.size())
        return false;
    EngineSpec &e = m_engines[index.row()];
    const QString text = value.toString().trimmed();
    bool number = true;
    const int n = text.isEmpty() ? 0 : text.toInt(&number);
    switch (index.column()) {
    case Id:
        e.id = text;
        break;
    case Kind:
        e.kind = text;
        break;
    case Model:
        e.model = text;
        break;
    case BaseUrl: {
        // An address QUrl cannot hold would be lost on the way to the reader; keep the old one.
        const QUrl url(text, QUrl::TolerantMode);
        if (!text.isEmpty() && !url.isValid())
            return false;
        e.baseUrl = text.isEmpty() ? QUrl() : url;
        break;
    }
    case ApiKey:
        e.apiKeyEnv = text;
        break;
    case Concurrency:
    case Rpm:
    case Tpm:
    case TimeoutMs:
        if (!number)
            return false;
        (index.column() == Concurrency ? e.concurrency
             : index.column() == Rpm   ? e.rpm
             : index.column() == Tpm   ? e.tpm
                                       : e.timeoutMs)
            = n;
        break;
    default:
        return false;
    }
    emit dataChanged(index, index, {Qt::DisplayRole, Qt::EditRole, Qt::ForegroundRole});
    if (index.column() == Kind) {
        locate(e.apiKeyEnv);
        emit dataChanged(this->index(index.row(), ApiKey), this->index(index.row(), ApiKey), KeyRoles);
    } else if (index.column() == ApiKey) {
        locate(e.apiKeyEnv);
    }
    return true;
}

Qt::ItemFlags EnginesModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
}

QVariant EnginesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case Id:
            return tr("Id");
        case Kind:
            return tr("Kind");
        case Model:
            return tr("Model");
        case BaseUrl:
            return tr("Base URL");
        case ApiKey:
            return tr("API key");
        case Concurrency:
            return tr("Parallel");
        case Rpm:
            return tr("RPM");
        case Tpm:
            return tr("TPM");
        case TimeoutMs:
            return tr("Timeout ms");
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case Id:
            return tr("A short name of your choice; scores can be cut by it");
        case Kind:
            return tr("The API the engine speaks; openai covers every compatible server");
        case Model:
            return tr("The model to ask, such as gpt-4o-mini");
        case BaseUrl:
            return tr("The API's address; empty for the vendor's own");
        case ApiKey:
            return tr("The name of the environment variable, or keychain entry, that holds the API key, and where "
                      "the key was found. The key itself is never shown.");
        case Concurrency:
            return tr("Requests in flight at once");
        case Rpm:
            return tr("Requests per minute the engine allows; 0 for no limit");
        case Tpm:
            return tr("Tokens (in and out) per minute the engine allows; 0 for no limit");
        case TimeoutMs:
            return tr("How long one answer may take, in milliseconds");
        }
    }
    return {};
}

bool EnginesModel::removeRows(int row, int count, const QModelIndex &parent)
{
    if (parent.isValid() || row < 0 || count <= 0 || row + count > m_engines.size())
        return false;
    beginRemoveRows({}, row, row + count - 1);
    m_engines.remove(row, count);
    endRemoveRows();
    return true;
}

} // namespace geo
