"""Notificaties API 1.0.1 representations. Writes go through the notificaties services."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from mijnservices.registrations.notificaties import services
from mijnservices.registrations.notificaties.models import Abonnement, AbonnementKanaal, Kanaal


def _url(view: str) -> Any:
    return serializers.HyperlinkedIdentityField(view_name=view, lookup_field="uuid")


class KanaalSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    url = _url("notificaties:kanaal-detail")
    filters = serializers.ListField(
        child=serializers.CharField(max_length=100), required=False, default=list
    )

    class Meta:
        model = Kanaal
        fields = ["url", "naam", "documentatie_link", "filters"]
        extra_kwargs: dict[str, Any] = {"naam": {"validators": []}}  # unique: the service

    def to_representation(self, instance: Kanaal) -> Any:
        data = super().to_representation(instance)
        if not data.get("documentatie_link"):
            data.pop("documentatie_link", None)  # format uri: no empty string
        return data

    def create(self, validated_data: dict[str, Any]) -> Kanaal:
        return services.kanaal_create(**validated_data)


class FilterGroupSerializer(serializers.Serializer):  # type: ignore[type-arg]
    naam = serializers.CharField()
    filters = serializers.DictField(
        child=serializers.CharField(max_length=1000), required=False, default=dict
    )

    def to_representation(self, instance: Any) -> Any:
        if isinstance(instance, AbonnementKanaal):
            return {"naam": instance.kanaal.naam, "filters": dict(instance.filters)}
        return super().to_representation(instance)


class AbonnementSerializer(serializers.ModelSerializer):  # type: ignore[type-arg]
    url = _url("notificaties:abonnement-detail")
    callback_url = serializers.URLField(max_length=1000)
    # Sent to the subscriber as its Authorization header: written, never shown.
    auth = serializers.CharField(write_only=True, max_length=1000)
    kanalen = FilterGroupSerializer(many=True)

    class Meta:
        model = Abonnement
        fields = ["url", "callback_url", "auth", "kanalen"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        instance: Abonnement | None = self.instance
        callback_url = attrs.get("callback_url", instance.callback_url if instance else "")
        redirected = instance is not None and callback_url != instance.callback_url
        if redirected and "auth" not in attrs:
            # The stored credentials were given for the old receiver: never send them on.
            raise serializers.ValidationError(
                {"auth": ["A new callbackUrl needs its own auth."]}, code="required"
            )
        auth = attrs.get("auth", instance.auth if instance else "")
        # An administrator's approval of a private address was for the old receiver.
        allow_private = instance.allow_private_network if instance and not redirected else False
        # The subscriber must answer a test notificatie before anything is stored.
        services.callback_test(
            callback_url=callback_url, auth=auth, allow_private_network=allow_private
        )
        return attrs

    def create(self, validated_data: dict[str, Any]) -> Abonnement:
        request = self.context.get("request")
        client_id = str(getattr(getattr(request, "user", None), "client_id", "") or "")
        return services.abonnement_create(**validated_data, client_id=client_id)

    def update(self, instance: Abonnement, validated_data: dict[str, Any]) -> Abonnement:
        return services.abonnement_update(abonnement=instance, **validated_data)


class MessageSerializer(serializers.Serializer):  # type: ignore[type-arg]
    kanaal = serializers.CharField(max_length=50)
    hoofd_object = serializers.URLField(max_length=1000)
    resource = serializers.CharField(max_length=100)
    resource_url = serializers.URLField(max_length=1000)
    actie = serializers.CharField(max_length=100)
    aanmaakdatum = serializers.DateTimeField()
    kenmerken = serializers.DictField(
        child=serializers.CharField(max_length=1000), required=False, default=dict
    )
