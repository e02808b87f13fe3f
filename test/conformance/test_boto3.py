"""
The same scenarios as the SDK tests, through boto3 with botocore's client-side parameter validation turned
off, so that the server's own validation answers. Run by test/boto3.test.ts against a fresh server whose
endpoint is in DYNACELL_ENDPOINT.
"""
import os
import uuid
from decimal import Decimal

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["DYNACELL_ENDPOINT"]
CONFIG = Config(parameter_validation=False, retries={"max_attempts": 1}, region_name="us-east-1")


def client():
    return boto3.client(
        "dynamodb", endpoint_url=ENDPOINT, config=CONFIG, aws_access_key_id="AKIDBOTO", aws_secret_access_key="secret"
    )


def resource():
    return boto3.resource(
        "dynamodb", endpoint_url=ENDPOINT, config=CONFIG, aws_access_key_id="AKIDBOTO", aws_secret_access_key="secret"
    )


def error_of(call):
    with pytest.raises(ClientError) as raised:
        call()
    response = raised.value.response
    return response["Error"]["Code"], response["Error"]["Message"], response["ResponseMetadata"]["HTTPStatusCode"]


@pytest.fixture(scope="module")
def table_name():
    name = f"boto3-{uuid.uuid4().hex[:12]}"
    dynamodb = client()
    dynamodb.create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
    return name


def test_describe_and_list(table_name):
    dynamodb = client()
    table = dynamodb.describe_table(TableName=table_name)["Table"]
    assert table["TableStatus"] == "ACTIVE"
    assert table["TableArn"] == f"arn:aws:dynamodb:us-east-1:000000000000:table/{table_name}"
    assert table_name in dynamodb.list_tables()["TableNames"]


def test_items_round_trip_through_the_resource_api(table_name):
    table = resource().Table(table_name)
    item = {"pk": "a", "sk": Decimal("1.50"), "tags": {"x", "y"}, "doc": {"list": [1, "two", None, True]}, "blob": b"\x00\xff"}
    table.put_item(Item=item)
    got = table.get_item(Key={"pk": "a", "sk": Decimal("1.5")}, ConsistentRead=True)["Item"]
    assert got["sk"] == Decimal("1.5")
    assert got["tags"] == {"x", "y"}
    assert got["doc"] == {"list": [Decimal(1), "two", None, True]}
    assert got["blob"].value == b"\x00\xff"


def test_conditions_updates_and_return_values(table_name):
    dynamodb = client()
    key = {"pk": {"S": "counter"}, "sk": {"N": "0"}}
    first = dynamodb.update_item(
        TableName=table_name,
        Key=key,
        UpdateExpression="SET #c = if_not_exists(#c, :zero) + :one",
        ExpressionAttributeNames={"#c": "count"},
        ExpressionAttributeValues={":zero": {"N": "0"}, ":one": {"N": "1"}},
        ReturnValues="ALL_NEW",
    )
    assert first["Attributes"]["count"] == {"N": "1"}
    code, message, status = error_of(
        lambda: dynamodb.put_item(
            TableName=table_name, Item={**key, "count": {"N": "9"}}, ConditionExpression="attribute_not_exists(pk)"
        )
    )
    assert (code, message, status) == ("ConditionalCheckFailedException", "The conditional request failed", 400)


def test_query_scan_and_batches(table_name):
    dynamodb = client()
    dynamodb.batch_write_item(
        RequestItems={table_name: [{"PutRequest": {"Item": {"pk": {"S": "q"}, "sk": {"N": str(n)}}}} for n in range(10)]}
    )
    page = dynamodb.query(
        TableName=table_name,
        KeyConditionExpression="pk = :pk AND sk BETWEEN :low AND :high",
        ExpressionAttributeValues={":pk": {"S": "q"}, ":low": {"N": "2"}, ":high": {"N": "5"}},
        ScanIndexForward=False,
    )
    assert [item["sk"]["N"] for item in page["Items"]] == ["5", "4", "3", "2"]
    paginator = dynamodb.get_paginator("scan")
    scanned = [item for result in paginator.paginate(TableName=table_name, PaginationConfig={"PageSize": 3}) for item in result["Items"]]
    assert len([item for item in scanned if item["pk"]["S"] == "q"]) == 10
    got = dynamodb.batch_get_item(RequestItems={table_name: {"Keys": [{"pk": {"S": "q"}, "sk": {"N": "7"}}]}})
    assert got["Responses"][table_name] == [{"pk": {"S": "q"}, "sk": {"N": "7"}}]


def test_transactions(table_name):
    dynamodb = client()
    dynamodb.transact_write_items(
        TransactItems=[
            {"Put": {"TableName": table_name, "Item": {"pk": {"S": "t"}, "sk": {"N": "1"}}}},
            {"Put": {"TableName": table_name, "Item": {"pk": {"S": "t"}, "sk": {"N": "2"}}}},
        ]
    )
    with pytest.raises(ClientError) as raised:
        dynamodb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": table_name, "Item": {"pk": {"S": "t"}, "sk": {"N": "3"}}}},
                {"ConditionCheck": {"TableName": table_name, "Key": {"pk": {"S": "t"}, "sk": {"N": "9"}}, "ConditionExpression": "attribute_exists(pk)"}},
            ]
        )
    assert raised.value.response["Error"]["Code"] == "TransactionCanceledException"
    assert [reason["Code"] for reason in raised.value.response["CancellationReasons"]] == ["None", "ConditionalCheckFailed"]


def test_server_side_validation_answers(table_name):
    dynamodb = client()
    cases = [
        (lambda: dynamodb.get_item(TableName="no-such-table", Key={"pk": {"S": "x"}, "sk": {"N": "1"}}), "ResourceNotFoundException", "Requested resource not found"),
        (lambda: dynamodb.get_item(TableName=table_name, Key={"pk": {"S": "x"}}), "ValidationException", "The provided key element does not match the schema"),
        (lambda: dynamodb.describe_table(TableName="ab"), "ValidationException", "TableName must be at least 3 characters long and at most 255 characters long"),
        (lambda: dynamodb.put_item(TableName=table_name, Item={"pk": {"S": "x"}, "sk": {"N": "1"}, "n": {"N": "1" * 39}}), "ValidationException", "Attempting to store more than 38 significant digits in a Number"),
        (lambda: dynamodb.list_tables(Limit=0), "ValidationException", "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1"),
    ]
    for call, code, message in cases:
        assert error_of(call) == (code, message, 400)


def test_delete_table():
    dynamodb = client()
    name = f"boto3-gone-{uuid.uuid4().hex[:8]}"
    dynamodb.create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    dynamodb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
    assert dynamodb.delete_table(TableName=name)["TableDescription"]["TableStatus"] == "DELETING"
    dynamodb.get_waiter("table_not_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 20})
