from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from asnportal.http import AuthedRequest
from core.forms import add_service_errors

from . import selectors, services
from .access import (
    can_write_employee,
    can_write_path,
    get_employee_for_user,
    get_object_for,
    get_position_for_user,
    get_unit_for_user,
    require_hr,
    require_staff_view,
    scope_path,
)
from .forms import (
    EducationForm,
    EmployeeForm,
    PlacementEndForm,
    PlacementForm,
    PositionCompetencyFormSet,
    PositionForm,
    RegisterFilterForm,
    UnitCloseForm,
    UnitCreateForm,
    UnitForm,
    UnitMoveForm,
    WorkloadTaskFormSet,
)
from .models import (
    Employee,
    OrgUnit,
    Placement,
    Position,
    jpt_placement_error,
    scopes_for,
    today,
)

if TYPE_CHECKING:
    from django.http import HttpResponse


PAGE_SIZE = 50


# --- Units --------------------------------------------------------------------


@require_GET
def unit_list(request: AuthedRequest) -> HttpResponse:
    """The organisation tree: the user's scope roots, opened one level; htmx opens the rest."""
    scopes = require_staff_view(request.user)
    context = {
        "roots": selectors.unit_tree(scopes),
        "can_create": scopes.superuser or scopes.is_hr,
    }
    return render(request, "positions/unit_list.html", context)


@require_GET
@vary_on_headers("HX-Request")
def unit_children(request: AuthedRequest, pk: int) -> HttpResponse:
    """One tree node, opened (with its children) or closed (`?tutup=1`): htmx swaps it in."""
    unit = get_unit_for_user(request.user, pk)
    expanded = request.GET.get("tutup") != "1"
    children = list(OrgUnit.objects.get_children(unit).active()) if expanded else []
    selectors.with_subtree_counts([unit, *children])
    unit.expanded_children = children
    if not request.htmx:
        return redirect(unit)
    return render(request, "positions/_unit_node.html", {"u": unit, "expanded": expanded})


@require_GET
def unit_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk)
    context = {
        "unit": unit,
        "can_edit": can_write_path(request.user, unit.path),
        "ancestors": selectors.unit_ancestors(unit, scopes_for(request.user)),
        "children": OrgUnit.objects.get_children(unit).active(),
        "positions": selectors.unit_positions(unit),
        "totals": selectors.unit_totals(unit),
    }
    return render(request, "positions/unit_detail.html", context)


# --- Positions ----------------------------------------------------------------


@require_GET
@vary_on_headers("HX-Request")
def position_list(request: AuthedRequest) -> HttpResponse:
    require_staff_view(request.user)
    query = request.GET.get("q", "").strip()
    jenis = request.GET.get("jenis", "")
    vacant = request.GET.get("lowong") == "1"
    positions = selectors.position_list(request.user, query=query, jenis=jenis, vacant=vacant)
    page = Paginator(positions, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "query": query,
        "jenis": jenis,
        "vacant": vacant,
        "jenis_choices": Position.Jenis.choices,
    }
    template = "positions/position_list.html"
    if request.htmx:
        template += "#rows"
    return render(request, template, context)


@require_GET
def position_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    position = get_object_for(request.user, Position.objects.for_list(), pk)
    placements = position.placements.select_related("employee").order_by("-start_date")
    context = {
        "position": position,
        "placements": placements,
        "children": position.children.active().with_bezetting(),
        "accepted_fields": position.accepted_fields.all(),
        "competencies": position.required_competencies.select_related("competency"),
        "abk": services.abk_result(list(position.workload_tasks.all())),
        "can_edit": can_write_path(request.user, position.unit.path),
    }
    return render(request, "positions/position_detail.html", context)


# --- Employees ----------------------------------------------------------------


@require_GET
@vary_on_headers("HX-Request")
def employee_list(request: AuthedRequest) -> HttpResponse:
    scopes = require_staff_view(request.user)
    filters = RegisterFilterForm(request.GET, user=request.user)
    employees = filters.filter(Employee.objects.visible_to(request.user).for_list())
    page = selectors.register_page(employees, request.GET.get("page"), PAGE_SIZE)
    context = {
        "page": page,
        "filters": filters,
        "can_create": scopes.superuser or scopes.is_hr,
    }
    template = "positions/employee_list.html"
    if request.htmx:
        template += "#rows"
    return render(request, template, context)


@require_GET
def employee_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk)
    context = selectors.own_figures(employee)
    context["placements"] = employee.placements.select_related("position__unit")
    context["educations"] = employee.educations.select_related("field")
    context["competency_rows"] = selectors.competency_rows(employee, context["placement"])
    context["leadership"] = employee.leadership_trainings.all()
    context["can_edit"] = can_write_employee(request.user, employee)
    return render(request, "positions/employee_detail.html", context)


@require_http_methods(["GET", "POST"])
def employee_create(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    form = EmployeeForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        employee = form.save()
        messages.success(request, f"Pegawai {employee.full_name} ditambahkan.")
        return redirect(employee)
    return render(request, "positions/employee_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def employee_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk, write=True)
    form = EmployeeForm(request.POST or None, instance=employee, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Data pegawai disimpan.")
        return redirect(employee)
    return render(request, "positions/employee_form.html", {"form": form, "employee": employee})


@require_http_methods(["GET", "POST"])
def education_create(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk, write=True)
    form = EducationForm(request.POST or None, instance=None)
    form.instance.employee = employee
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Riwayat pendidikan ditambahkan.")
        return redirect(employee)
    return render(request, "positions/education_form.html", {"form": form, "employee": employee})


@require_http_methods(["GET", "POST"])
def placement_create(request: AuthedRequest, pk: int) -> HttpResponse:
    employee = get_employee_for_user(request.user, pk, write=True)
    initial = {
        "position": request.GET.get("position"),
        "kind": request.GET.get("kind", "definitif"),
    }
    form = PlacementForm(request.POST or None, user=request.user, initial=initial)
    needs_confirmation = False
    if request.POST.get("pratinjau") == "ubah":  # back from the confirmation, values kept
        form.hide_unasked_confirmations(over_kebutuhan=False)
        context = {"form": form, "employee": employee, "needs_confirmation": False}
        return render(request, "positions/placement_form.html", context)
    if request.method == "POST" and form.is_valid():
        # A JPT post is filled through its seleksi page, never from this form (§3.8).
        data = form.cleaned_data
        jpt_error = jpt_placement_error(
            data["position"],
            employee,
            kind=data["kind"],
            selection=None,
            sk_number=data["sk_number"],
            sk_date=data["sk_date"],
        )
        if jpt_error:
            form.add_error("position", jpt_error)
    if request.method == "POST" and form.is_valid() and request.POST.get("pratinjau"):
        # The form's button asks first: show what the placement will change, then the
        # "Ya, tempatkan" button posts the same values without `pratinjau`.
        context = {
            "form": form,
            "employee": employee,
            "preview": selectors.placement_preview(employee, **form.cleaned_data),
        }
        return render(request, "positions/placement_confirm.html", context)
    if request.method == "POST" and form.is_valid():
        try:
            services.place_employee(employee, placed_by=request.user, **form.cleaned_data)
        except services.OverKebutuhan as exc:
            needs_confirmation = True
            add_service_errors(form, exc, field="confirm_over_kebutuhan")
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Penempatan disimpan.")
            return redirect(employee)
    form.hide_unasked_confirmations(over_kebutuhan=needs_confirmation)
    context = {"form": form, "employee": employee, "needs_confirmation": needs_confirmation}
    return render(request, "positions/placement_form.html", context)


@require_http_methods(["GET", "POST"])
def placement_end(request: AuthedRequest, pk: int) -> HttpResponse:
    placement = get_object_for(
        request.user,
        Placement.objects.select_related("employee__unit", "position"),
        pk,
        write=True,
        path=lambda placement: scope_path(placement.employee),
    )
    form = PlacementEndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.end_placement(
                placement,
                end_date=form.cleaned_data["end_date"],
                reason=form.cleaned_data["reason"],
                ended_by=request.user,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, "Penempatan diakhiri.")
            return redirect(placement.employee)
    return render(request, "positions/placement_end.html", {"form": form, "placement": placement})


# --- Organisation structure: write views -----------------------------------------


@require_http_methods(["GET", "POST"])
def unit_create(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    initial = {"parent": request.GET.get("induk")}
    form = UnitCreateForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = {k: form.cleaned_data[k] for k in ("code", "name", "kind")}
        try:
            unit = services.create_unit(parent=form.cleaned_data["parent"], **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Unit {unit.name} dibuat.")
            return redirect(unit)
    return render(request, "positions/unit_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def unit_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk, write=True)
    form = UnitForm(request.POST or None, instance=unit)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Unit disimpan.")
        return redirect(unit)
    return render(request, "positions/unit_form.html", {"form": form, "unit": unit})


@require_http_methods(["GET", "POST"])
def unit_move(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk, write=True)
    form = UnitMoveForm(request.POST or None, unit=unit, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            services.move_unit(unit, target=form.cleaned_data["target"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Unit dipindahkan ke bawah {form.cleaned_data['target']}.")
            return redirect(unit)
    context = {"form": form, "unit": unit, "action": "Pindahkan unit"}
    return render(request, "positions/unit_form.html", context)


@require_http_methods(["GET", "POST"])
def unit_close(request: AuthedRequest, pk: int) -> HttpResponse:
    unit = get_unit_for_user(request.user, pk, write=True)
    form = UnitCloseForm(request.POST or None, initial={"closed_at": today()})
    if request.method == "POST" and form.is_valid():
        try:
            services.close_unit(unit, closed_at=form.cleaned_data["closed_at"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"Unit {unit.name} ditutup.")
            return redirect(unit)
    context = {"form": form, "unit": unit, "action": "Tutup unit"}
    return render(request, "positions/unit_form.html", context)


# --- Position catalog: write views ----------------------------------------------


@require_http_methods(["GET", "POST"])
def position_create(request: AuthedRequest) -> HttpResponse:
    require_hr(request.user)
    initial = {"unit": request.GET.get("unit"), "parent": request.GET.get("atasan")}
    form = PositionForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        position = form.save()
        messages.success(request, f"Jabatan {position.title} dibuat.")
        return redirect(position)
    return render(request, "positions/position_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def position_edit(request: AuthedRequest, pk: int) -> HttpResponse:
    position = get_position_for_user(request.user, pk, write=True)
    form = PositionForm(request.POST or None, instance=position, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Jabatan disimpan.")
        return redirect(position)
    return render(request, "positions/position_form.html", {"form": form, "position": position})


@require_http_methods(["GET", "POST"])
def position_competencies(request: AuthedRequest, pk: int) -> HttpResponse:
    position = get_position_for_user(request.user, pk, write=True)
    formset = PositionCompetencyFormSet(
        request.POST or None,
        instance=position,
        queryset=position.required_competencies.select_related("competency"),
    )
    if request.method == "POST" and formset.is_valid():
        formset.save()
        messages.success(request, "Standar kompetensi jabatan disimpan.")
        return redirect(position)
    context = {"formset": formset, "position": position}
    return render(request, "positions/position_competencies.html", context)


@require_http_methods(["GET", "POST"])
def position_abk(request: AuthedRequest, pk: int) -> HttpResponse:
    """ABK: the workload tasks, the arithmetic per task and in total; saving sets kebutuhan."""
    position = get_position_for_user(request.user, pk)
    can_edit = can_write_path(request.user, position.unit.path)
    if request.method == "POST" and not can_edit:
        raise PermissionDenied
    formset = WorkloadTaskFormSet(request.POST or None, instance=position)
    if request.method == "POST" and formset.is_valid():
        result = services.save_abk(position, formset)
        messages.success(
            request,
            f"ABK disimpan: {result.total_minutes:,.0f} menit ÷ {result.jam_kerja_efektif:,} = "
            f"{result.exact} → kebutuhan {result.kebutuhan} orang.",
        )
        return redirect("positions:position_abk", pk=position.pk)
    result = services.abk_result(list(position.workload_tasks.all()))
    context = {"formset": formset, "position": position, "abk": result, "can_edit": can_edit}
    return render(request, "positions/position_abk.html", context)
