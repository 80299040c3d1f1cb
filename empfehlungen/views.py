"""Public views of the Handlungsempfehlungen: the list and the accordion detail."""

from django.shortcuts import get_object_or_404, redirect
from django.views.generic import DetailView, ListView, RedirectView

from empfehlungen.selectors import empfehlung_detail_queryset, empfehlungen_sichtbar_fuer


class HandlungsempfehlungListView(ListView):
    template_name = "empfehlungen/handlungsempfehlung_list.html"
    context_object_name = "empfehlungen"
    paginate_by = 25

    def get_queryset(self):
        return empfehlungen_sichtbar_fuer(self.request.user).for_list()


class HandlungsempfehlungDetailView(DetailView):
    template_name = "empfehlungen/handlungsempfehlung_detail.html"
    context_object_name = "empfehlung"

    def get_queryset(self):
        # Drafts answer 404 to the public, so that not even their title leaks.
        return empfehlung_detail_queryset(self.request.user)

    def get(self, request, *args, **kwargs):
        self.object = self.get_object()
        if kwargs["slug"] != self.object.slug:
            return redirect(self.object)
        return self.render_to_response(self.get_context_data(object=self.object))


class HandlungsempfehlungRedirectView(RedirectView):
    permanent = False

    def get_redirect_url(self, *args, **kwargs):
        empfehlung = get_object_or_404(
            empfehlungen_sichtbar_fuer(self.request.user), pk=kwargs["pk"]
        )
        return empfehlung.get_absolute_url()
