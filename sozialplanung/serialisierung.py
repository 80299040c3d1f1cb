"""dumpdata's JSON with full time precision, for backups (format name ``sicherung``).

Django's JSON encoder cuts times to milliseconds (ECMA-262 style), so a backup written
with it would not give back the same database: every ``modified`` stamp would change.
"""

import datetime

from django.core.serializers import json as django_json


class GenauerEncoder(django_json.DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time) and o.microsecond:
            return o.isoformat()
        return super().default(o)


class Serializer(django_json.Serializer):
    def _init_options(self):
        self.options["cls"] = GenauerEncoder
        super()._init_options()


Deserializer = django_json.Deserializer
