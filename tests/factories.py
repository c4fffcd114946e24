"""Factories for the test suite (factory_boy / wagtail-factories)."""

import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from directory.models import german_slugify
from home.models import HomePage, StandardPage


class LocaleFactory(factory.django.DjangoModelFactory):
    """Locales come from a data migration; get them rather than create duplicates."""

    language_code = "de"

    class Meta:
        model = Locale
        django_get_or_create = ("language_code",)


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "secret-password")

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))
        if create:
            self.save()


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Startseite"
    intro = "<p>Willkommen</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    body = "<p>Inhalt</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = StandardPage


# --- topics -----------------------------------------------------------------------------


class TopicIndexPageFactory(wagtail_factories.PageFactory):
    title = "Themen"
    slug = "themen"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.TopicIndexPage"


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Thema {n}")
    summary = "Eine kurze Zusammenfassung."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.TopicPage"


class LeitbildIndexPageFactory(wagtail_factories.PageFactory):
    title = "Leitbild"
    slug = "leitbild"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.LeitbildIndexPage"


class LeitbildPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Handlungsfeld {n}")
    kind = "life"
    summary = "Worum es in diesem Feld geht."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.LeitbildPage"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Aktuelles"
    slug = "aktuelles"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.NewsIndexPage"


class NewsPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nachricht {n}")
    section = "muenster"
    teaser = "Kurz gesagt."
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.NewsPage"


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Veranstaltungen"
    slug = "veranstaltungen"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.EventIndexPage"


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Veranstaltung {n}")
    teaser = "Kommen Sie vorbei."
    start = factory.LazyFunction(lambda: _now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    place_name = "Stadthaus"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.EventPage"


class GlossaryIndexPageFactory(wagtail_factories.PageFactory):
    title = "Glossar"
    slug = "glossar"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.GlossaryIndexPage"


class GlossaryTermFactory(factory.django.DjangoModelFactory):
    term = factory.Sequence(lambda n: f"Begriff {n}")
    slug = factory.Sequence(lambda n: f"begriff-{n}")
    explanation = "<p>Erklärung</p>"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = "topics.GlossaryTerm"
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(self, create, extracted, **kwargs):
        if create:
            self.save_revision().publish()


def _now():
    from django.utils import timezone

    return timezone.now()


class OrganisationFactory(factory.django.DjangoModelFactory):
    """A live German directory entry. Vocabulary links: pass lists of seeded entries,
    e.g. `OrganisationFactory(origins=[syria], languages=[arabic])`."""

    name = factory.Sequence(lambda n: f"Verein {n}")
    slug = factory.LazyAttribute(lambda o: german_slugify(o.name))
    kind = "mso"
    short_description = "Ein Verein in Münster."
    locale = factory.LazyFunction(Locale.get_default)
    live = True

    class Meta:
        model = "directory.Organisation"
        skip_postgeneration_save = True

    @factory.post_generation
    def origins(self, create, extracted, **kwargs):
        if extracted:
            self.origins.set(extracted)

    @factory.post_generation
    def languages(self, create, extracted, **kwargs):
        if extracted:
            self.languages.set(extracted)

    @factory.post_generation
    def focus_areas(self, create, extracted, **kwargs):
        if extracted:
            self.focus_areas.set(extracted)
        if create:
            self.save()
            if self.live:
                self.save_revision().publish()
